package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.hub.app.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers for the payments tests: deliveries signed with the independent libraries (stripe-java, standardwebhooks;
 * Sumsub has no library, its digest is the JDK's HMAC over the raw bytes), raw-byte posts, polling and Kafka reads.
 */
abstract class PaymentsTestSupport extends HubIntegrationTest {
    static final String STRIPE_OLD = "whsec_test_stripe_old";
    static final String STRIPE_NEW = "whsec_test_stripe_new";
    static final String SUMSUB = "sumsub-demo-webhook-secret";

    @Autowired
    PaymentsProperties paymentsProperties;

    String simpaySecret() {
        return paymentsProperties.gateways().get("simpay").secrets().get(0);
    }

    /** POSTs the exact bytes with the given headers. */
    HttpResponse<String> postBytes(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A Standard Webhooks delivery signed by the reference library ({@code com.standardwebhooks:standardwebhooks}). */
    HttpResponse<String> sendStandard(String gatewayId, String msgId, long ts, String payload) throws Exception {
        String sig = new Webhook(simpaySecret()).sign(msgId, ts, payload);
        return postBytes("/webhooks/payments/" + gatewayId, payload.getBytes(StandardCharsets.UTF_8),
                "webhook-id", msgId, "webhook-timestamp", Long.toString(ts), "webhook-signature", sig);
    }

    HttpResponse<String> sendStandard(String msgId, String payload) throws Exception {
        return sendStandard("simpay", msgId, Instant.now().getEpochSecond(), payload);
    }

    /** A Stripe delivery signed by stripe-java ({@code Webhook.Signature.generateSignatureHeader(payload, secret, t)}). */
    HttpResponse<String> sendStripe(String secret, long ts, byte[] body) throws Exception {
        String header = com.stripe.net.Webhook.Signature.generateSignatureHeader(new String(body, StandardCharsets.UTF_8), secret, ts);
        return postBytes("/webhooks/payments/stripe", body, "Stripe-Signature", header);
    }

    /** A Sumsub delivery: {@code X-Payload-Digest} = hex HMAC-SHA256 of the raw body (JDK Mac; Sumsub publishes no library). */
    HttpResponse<String> sendSumsub(String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SUMSUB.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return postBytes("/webhooks/kyc/sumsub", raw, "X-Payload-Digest", HexFormat.of().formatHex(mac.doFinal(raw)),
                "X-Payload-Digest-Alg", "HMAC_SHA256_HEX");
    }

    static String sumsubReview(UUID playerId, String applicantId, String answer, String rejectType, Instant at) {
        String review = rejectType == null ? "{\"reviewAnswer\":\"" + answer + "\"}"
                : "{\"reviewAnswer\":\"" + answer + "\",\"reviewRejectType\":\"" + rejectType + "\",\"rejectLabels\":[\"FORGERY\"]}";
        return "{\"applicantId\":\"" + applicantId + "\",\"externalUserId\":\"" + playerId + "\",\"type\":\"applicantReviewed\","
                + "\"reviewStatus\":\"completed\",\"createdAtMs\":\"" + at.toEpochMilli() + "\",\"reviewResult\":" + review + "}";
    }

    /** Approves the player's KYC through a signed Sumsub webhook and waits for it to apply. */
    void approveKyc(TestPlayer p) throws Exception {
        HttpResponse<String> r = sendSumsub(sumsubReview(p.id(), "app-" + p.id(), "GREEN", null, Instant.now()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(kycStatus(p.id())));
    }

    String kycStatus(UUID playerId) {
        return jdbc.query("SELECT status FROM kyc_applicant WHERE player_id = ?", rs -> rs.next() ? rs.getString(1) : "NOT_STARTED", playerId);
    }

    String depositStatus(String id) {
        return jdbc.queryForObject("SELECT status FROM deposit WHERE id = ?::uuid", String.class, id);
    }

    String withdrawalStatus(String id) {
        return jdbc.queryForObject("SELECT status FROM withdrawal WHERE id = ?::uuid", String.class, id);
    }

    long cashMinor(UUID playerId) {
        return jdbc.queryForObject("SELECT balance_minor FROM account WHERE owner_id = ? AND type = 'PLAYER_CASH'", Long.class, playerId);
    }

    long heldMinor(UUID playerId) {
        return jdbc.queryForObject("SELECT balance_minor FROM account WHERE owner_id = ? AND type = 'PLAYER_HELD'", Long.class, playerId);
    }

    /**
     * Waits until the inbox has no event of {@code endpointId} left to process (every delivery stored so far was
     * processed or ignored), so a test can assert that a duplicate or a late event changed nothing.
     */
    void awaitInboxSettled(String endpointId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM webhook_inbox WHERE endpoint_id = ? AND state IN ('RECEIVED', 'DEFERRED')",
                Long.class, endpointId) == 0);
    }

    long inboxCount(String endpointId, String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE endpoint_id = ? AND event_id = ?", Long.class, endpointId, eventId);
    }

    JsonNode deposit(String token, String amount) {
        HttpResponse<String> r = post("/payments/deposits", "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body());
    }

    JsonNode deposit(String token, String amount, String gatewayId) {
        HttpResponse<String> r = post("/payments/deposits", "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"gatewayId\":\"" + gatewayId + "\"}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body());
    }

    JsonNode withdraw(String token, String amount) {
        HttpResponse<String> r = post("/payments/withdrawals", "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body());
    }

    static String paymentEvent(String type, String id, String paymentId, long amount, String depositId) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"" + id + "\""
                + (paymentId == null ? "" : ",\"payment_id\":\"" + paymentId + "\"")
                + ",\"amount\":" + amount + ",\"currency\":\"EUR\",\"metadata\":{\"depositId\":\"" + depositId + "\"}}}";
    }

    static String payoutEvent(String type, String withdrawalId, long amount) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"po_" + withdrawalId + "\""
                + ",\"amount\":" + amount + ",\"currency\":\"EUR\",\"metadata\":{\"withdrawalId\":\"" + withdrawalId + "\"}}}";
    }

    /** Reads the topics from the beginning until {@code done} holds, or 30 s pass. */
    List<ConsumerRecord<String, String>> readTopics(List<String> topics, Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", kafkaBootstrap, "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(topics);
            long end = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < end && !done.test(out)) c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** One step of {@link #concurrently}: the i-th of n calls. */
    interface IndexedCall<T> {
        T call(int i) throws Exception;
    }

    /** Runs n calls on n threads released together; their answers in call order. */
    static <T> List<T> concurrently(int n, IndexedCall<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call(k);
                }));
            }
            go.countDown();
            List<T> out = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
