package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The intake's verification cases (payments.md §7 #4, #5, #7, #9, #18) over HTTP, signed with the independent
 * libraries: every rejected delivery is a 4xx and stores nothing; every accepted one is stored before the 2xx.
 */
class WebhookIntakeTest extends PaymentsTestSupport {

    private static byte[] prettyStripeEvent(String eventId, String piId) {
        // pretty-printed, with newlines, indentation and non-ASCII text: the exact bytes are what is signed
        return ("{\n  \"id\": \"" + eventId + "\",\n  \"object\": \"event\",\n  \"type\": \"payment_intent.succeeded\",\n"
                + "  \"created\": " + Instant.now().getEpochSecond() + ",\n  \"livemode\": false,\n  \"data\": {\n    \"object\": {\n"
                + "      \"id\": \"" + piId + "\",\n      \"object\": \"payment_intent\",\n      \"amount\": 1234,\n"
                + "      \"currency\": \"eur\",\n      \"status\": \"succeeded\",\n"
                + "      \"description\": \"Einzahlung für Jürgen – 東京 ✓\",\n      \"metadata\": {}\n    }\n  }\n}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_pretty_printed_non_ascii_body_signed_by_stripe_java_verifies_and_is_stored() throws Exception {
        String evt = "evt_" + UUID.randomUUID();
        HttpResponse<String> r = sendStripe(STRIPE_NEW, Instant.now().getEpochSecond(), prettyStripeEvent(evt, "pi_" + UUID.randomUUID()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).get("duplicate").asBoolean()).isFalse();
        assertThat(inboxCount("stripe", evt)).isEqualTo(1);
        byte[] stored = jdbc.queryForObject("SELECT raw_body FROM webhook_inbox WHERE event_id = ?", byte[].class, evt);
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("Jürgen – 東京 ✓").contains("\n  \"id\"");
    }

    @Test
    void both_secrets_of_a_rotation_are_accepted() throws Exception {
        String a = "evt_" + UUID.randomUUID();
        String b = "evt_" + UUID.randomUUID();
        assertThat(sendStripe(STRIPE_OLD, Instant.now().getEpochSecond(), prettyStripeEvent(a, "pi_x")).statusCode()).isEqualTo(200);
        assertThat(sendStripe(STRIPE_NEW, Instant.now().getEpochSecond(), prettyStripeEvent(b, "pi_x")).statusCode()).isEqualTo(200);
        assertThat(sendStripe("whsec_someone_else", Instant.now().getEpochSecond(), prettyStripeEvent("evt_" + UUID.randomUUID(), "pi_x"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void a_body_re_serialised_after_signing_fails_and_stores_nothing() throws Exception {
        String evt = "evt_" + UUID.randomUUID();
        byte[] signedBody = prettyStripeEvent(evt, "pi_1");
        long t = Instant.now().getEpochSecond();
        String header = com.stripe.net.Webhook.Signature.generateSignatureHeader(new String(signedBody, StandardCharsets.UTF_8), STRIPE_NEW, t);
        // a framework that parsed and re-wrote the JSON (compact, same content) before verifying (§7 #4)
        byte[] reserialised = new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(signedBody));
        // a Java reader that dropped the newlines (§7 #5)
        byte[] noNewlines = new String(signedBody, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8);

        for (byte[] body : new byte[][] {reserialised, noNewlines}) {
            HttpResponse<String> r = postBytes("/webhooks/payments/stripe", body, "Stripe-Signature", header);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("BAD_SIGNATURE");
        }
        assertThat(inboxCount("stripe", evt)).isZero();
    }

    @Test
    void timestamps_ten_minutes_old_or_ahead_fail_on_both_schemes_and_store_nothing() throws Exception {
        long now = Instant.now().getEpochSecond();
        String old = "evt_" + UUID.randomUUID();
        String ahead = "evt_" + UUID.randomUUID();
        HttpResponse<String> r1 = sendStripe(STRIPE_NEW, now - 600, prettyStripeEvent(old, "pi_1"));
        HttpResponse<String> r2 = sendStripe(STRIPE_NEW, now + 600, prettyStripeEvent(ahead, "pi_1"));
        assertThat(r1.statusCode()).isEqualTo(400);
        assertThat(json(r1.body()).get("error").asText()).isEqualTo("STALE_TIMESTAMP");
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(json(r2.body()).get("error").asText()).isEqualTo("FUTURE_TIMESTAMP");

        String msgOld = "msg_" + UUID.randomUUID();
        String msgAhead = "msg_" + UUID.randomUUID();
        String payload = paymentEvent("payment.succeeded", "pay_1", null, 100, UUID.randomUUID().toString());
        HttpResponse<String> s1 = sendStandard("simpay", msgOld, now - 600, payload);
        HttpResponse<String> s2 = sendStandard("simpay", msgAhead, now + 600, payload);
        assertThat(s1.statusCode()).isEqualTo(400);
        assertThat(json(s1.body()).get("error").asText()).isEqualTo("STALE_TIMESTAMP");
        assertThat(s2.statusCode()).isEqualTo(400);
        assertThat(json(s2.body()).get("error").asText()).isEqualTo("FUTURE_TIMESTAMP");
        assertThat(inboxCount("stripe", old) + inboxCount("stripe", ahead) + inboxCount("simpay", msgOld) + inboxCount("simpay", msgAhead)).isZero();
    }

    @Test
    void a_missing_header_or_an_unsupported_digest_algorithm_fails_before_parsing() throws Exception {
        byte[] body = prettyStripeEvent("evt_" + UUID.randomUUID(), "pi_1");
        HttpResponse<String> noStripeHeader = postBytes("/webhooks/payments/stripe", body);
        assertThat(noStripeHeader.statusCode()).isEqualTo(400);
        assertThat(json(noStripeHeader.body()).get("error").asText()).isEqualTo("MISSING_HEADER");

        String msgId = "msg_" + UUID.randomUUID();
        long ts = Instant.now().getEpochSecond();
        String payload = paymentEvent("payment.succeeded", "pay_1", null, 100, UUID.randomUUID().toString());
        String sig = new Webhook(simpaySecret()).sign(msgId, ts, payload);
        byte[] raw = payload.getBytes(StandardCharsets.UTF_8);
        // each of the three Standard Webhooks headers missing in turn (§7 #18)
        assertThat(postBytes("/webhooks/payments/simpay", raw, "webhook-timestamp", Long.toString(ts), "webhook-signature", sig).statusCode()).isEqualTo(400);
        assertThat(postBytes("/webhooks/payments/simpay", raw, "webhook-id", msgId, "webhook-signature", sig).statusCode()).isEqualTo(400);
        HttpResponse<String> noSig = postBytes("/webhooks/payments/simpay", raw, "webhook-id", msgId, "webhook-timestamp", Long.toString(ts));
        assertThat(noSig.statusCode()).isEqualTo(400);
        assertThat(json(noSig.body()).get("error").asText()).isEqualTo("MISSING_HEADER");
        assertThat(inboxCount("simpay", msgId)).isZero();

        // Sumsub with MD5 named as the algorithm: refused whatever the digest (§7 #18)
        String kyc = sumsubReview(UUID.randomUUID(), "app-md5", "GREEN", null, Instant.now());
        HttpResponse<String> md5 = postBytes("/webhooks/kyc/sumsub", kyc.getBytes(StandardCharsets.UTF_8),
                "X-Payload-Digest", "0".repeat(32), "X-Payload-Digest-Alg", "MD5");
        assertThat(md5.statusCode()).isEqualTo(400);
        assertThat(json(md5.body()).get("error").asText()).isEqualTo("UNSUPPORTED_ALGORITHM");
    }

    @Test
    void an_unknown_endpoint_is_404_but_an_unknown_payment_is_stored_unmatched_and_retried_never_404() throws Exception {
        assertThat(postBytes("/webhooks/payments/nope", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);

        String msgId = "msg_" + UUID.randomUUID();
        HttpResponse<String> r = sendStandard(msgId, paymentEvent("payment.succeeded", "pay_unknown_" + msgId, null, 500, UUID.randomUUID().toString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM webhook_inbox WHERE endpoint_id = 'simpay' AND event_id = ?", Integer.class, msgId) >= 2);
        assertThat(jdbc.queryForObject("SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, msgId)).isEqualTo("UNMATCHED");
        assertThat(jdbc.queryForObject("SELECT next_attempt_at > now() FROM webhook_inbox WHERE event_id = ?", Boolean.class, msgId)).isTrue();
        var listed = json(get("/operator/webhooks?state=UNMATCHED&limit=500", operatorToken()).body());
        assertThat(listed.findValuesAsText("eventId")).contains(msgId);
        assertLedgerBalanced();
    }

    @Test
    void a_body_larger_than_the_limit_is_refused_413_before_verification_and_stores_nothing_even_when_validly_signed() throws Exception {
        String msgId = "msg_" + UUID.randomUUID();
        String payload = "{\"type\":\"payment.succeeded\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"id\":\"pay_x\",\"pad\":\""
                + "x".repeat(300 * 1024) + "\"}}";
        HttpResponse<String> r = sendStandard(msgId, payload);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        // the same without a Content-Length (chunked): cut off after the limit while reading
        long ts = Instant.now().getEpochSecond();
        String sig = new Webhook(simpaySecret()).sign(msgId, ts, payload);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/webhooks/payments/simpay"))
                .header("Content-Type", "application/json").header("webhook-id", msgId).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", sig)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        HttpResponse<String> r2 = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r2.statusCode()).as(r2.body()).isEqualTo(413);
        assertThat(inboxCount("simpay", msgId)).isZero();
    }

    @Test
    void a_wrong_method_or_sub_path_on_the_webhook_urls_is_405_or_404_not_a_request_for_a_bearer_token() throws Exception {
        HttpResponse<String> get = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/webhooks/payments/simpay")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as(get.body()).isEqualTo(405);
        assertThat(json(get.body()).has("error")).isTrue();
        HttpResponse<String> extra = postBytes("/webhooks/payments/simpay/extra", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(404);
        assertThat(json(extra.body()).get("error").asText()).isEqualTo("NOT_FOUND");
    }
}
