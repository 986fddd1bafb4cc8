package io.hub.payments.standardwebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.RefundAmount;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected.Reason;
import io.hub.contracts.payments.WebhookSubject;
import io.hub.payments.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hub.payments.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Standard Webhooks verification; signatures made with com.standardwebhooks.Webhook#sign. */
class StandardWebhooksAdapterTest {
    static final long NOW = 1_800_000_000L;
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String NEW_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

    static final String PAYMENT = """
            {"type":"payment.succeeded","timestamp":"2027-01-15T08:00:00Z",
             "data":{"id":"pay_1","amount":1050,"currency":"EUR","status":"succeeded","metadata":{"depositId":"dep-1"}}}""";

    static final String PRETTY = """
            {
              "type": "payment.succeeded",
              "data": {
                "id": "pay_2",
                "amount": 100000,
                "currency": "eur",
                "description": "Zoë — 1 000 €"
              }
            }
            """;

    static String sign(String secret, String id, long ts, String payload) throws Exception {
        return new Webhook(secret).sign(id, ts, payload);
    }

    static StandardWebhooksAdapter adapter(String... secrets) {
        return new StandardWebhooksAdapter(StandardWebhooksSettings.of(secrets).withClock(clockAt(NOW)));
    }

    static WebhookHeaders headers(String id, long ts, String signature) {
        return WebhookHeaders.of("webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature", signature);
    }

    static WebhookOutcome receive(StandardWebhooksAdapter a, long ts, String signature, byte[] body) {
        return a.receive(headers(ID, ts, signature), body);
    }

    @Test
    void publishedVectorVerifies() throws Exception {
        JsonNode v = vector("standard-webhooks.json");
        String secret = v.get("secret").asText();
        String id = v.get("webhook-id").asText();
        long ts = Long.parseLong(v.get("webhook-timestamp").asText());
        String payload = v.get("payload").asText();
        String expected = v.get("expected-signature").asText();
        assertThat(sign(secret, id, ts, payload)).isEqualTo(expected);

        var verifier = new StandardWebhooksSignatureVerifier(StandardWebhooksSettings.of(secret).withClock(clockAt(ts)));
        assertThat(verifier.verify(headers(id, ts, expected), utf8(payload))).isEmpty();
        // the spec's prefix is optional: same key either way
        var unprefixed = new StandardWebhooksSignatureVerifier(
                StandardWebhooksSettings.of(secret.substring(6)).withClock(clockAt(ts)));
        assertThat(unprefixed.verify(headers(id, ts, expected), utf8(payload))).isEmpty();
        // several entries, bogus ones included (the reference test's multi-signature case)
        String many = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc " + expected + " v1,invalid";
        assertThat(verifier.verify(headers(id, ts, many), utf8(payload))).isEmpty();
        // the vector body has no "type": authentic but not a payment event
        var adapter = new StandardWebhooksAdapter(StandardWebhooksSettings.of(secret).withClock(clockAt(ts)));
        assertRejected(adapter.receive(headers(id, ts, expected), utf8(payload)), Reason.MALFORMED_BODY);
    }

    @Test
    void validDeliveryIsVerifiedAndMapped() throws Exception {
        VerifiedWebhook w = verified(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)));
        assertThat(w.vendor()).isEqualTo("standard-webhooks");
        assertThat(w.eventId()).isEqualTo(ID);
        assertThat(w.eventType()).isEqualTo("payment.succeeded");
        assertThat(w.subject()).isEqualTo(WebhookSubject.PAYMENT);
        assertThat(w.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(w.reference()).contains("pay_1");
        assertThat(w.amount()).contains(Money.ofMinor(1050, CurrencyUnit.of("EUR")));
        assertThat(w.occurredAt()).isEqualTo(Instant.parse("2027-01-15T08:00:00Z"));
        assertThat(w.attributes()).containsEntry("metadata.depositId", "dep-1");
    }

    @Test
    void tamperedBodyAndWrongSecretFail() throws Exception {
        String sig = sign(SECRET, ID, NOW, PAYMENT);
        assertRejected(receive(adapter(SECRET), NOW, sig, utf8(PAYMENT.replace("1050", "9050"))), Reason.BAD_SIGNATURE);
        assertRejected(receive(adapter(SECRET), NOW, sign(NEW_SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)),
                Reason.BAD_SIGNATURE);
        // the id and timestamp are signed too
        assertRejected(adapter(SECRET).receive(headers("msg_other", NOW, sig), utf8(PAYMENT)), Reason.BAD_SIGNATURE);
        assertRejected(receive(adapter(SECRET), NOW + 1, sig, utf8(PAYMENT)), Reason.BAD_SIGNATURE);
    }

    @Test
    void missingHeadersFail() throws Exception {
        String sig = sign(SECRET, ID, NOW, PAYMENT);
        var a = adapter(SECRET);
        assertRejected(a.receive(WebhookHeaders.of("webhook-timestamp", "" + NOW, "webhook-signature", sig), utf8(PAYMENT)),
                Reason.MISSING_HEADER);
        assertRejected(a.receive(WebhookHeaders.of("webhook-id", ID, "webhook-signature", sig), utf8(PAYMENT)),
                Reason.MISSING_HEADER);
        assertRejected(a.receive(WebhookHeaders.of("webhook-id", ID, "webhook-timestamp", "" + NOW), utf8(PAYMENT)),
                Reason.MISSING_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.8e9", "-1800000000", "18000000000000"})
    void malformedTimestampHeaderFails(String ts) throws Exception {
        var h = WebhookHeaders.of("webhook-id", ID, "webhook-timestamp", ts, "webhook-signature",
                sign(SECRET, ID, NOW, PAYMENT));
        assertRejected(adapter(SECRET).receive(h, utf8(PAYMENT)), Reason.MALFORMED_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v2,abc", "v1a,abc", "v1,", "garbage"})
    void signatureHeaderWithoutAMatchingV1Fails(String sig) {
        assertRejected(receive(adapter(SECRET), NOW, sig, utf8(PAYMENT)), Reason.BAD_SIGNATURE);
    }

    @Test
    void reserialisedBodyFailsAndPrettyNonAsciiBodyVerifies() throws Exception {
        String sig = sign(SECRET, ID, NOW, PRETTY);
        assertRejected(receive(adapter(SECRET), NOW, sig, reserialised(utf8(PRETTY))), Reason.BAD_SIGNATURE);
        VerifiedWebhook w = verified(receive(adapter(SECRET), NOW, sig, PRETTY.getBytes(StandardCharsets.UTF_8)));
        assertThat(w.amount()).contains(Money.parse("1000.00", CurrencyUnit.of("EUR")));
        assertThat(w.occurredAt()).isEqualTo(Instant.ofEpochSecond(NOW)); // no payload timestamp → header's
        assertThat(new String(w.rawBody(), StandardCharsets.UTF_8)).contains("Zoë — 1 000 €");
    }

    @Test
    void bodyThatIsNotUtf8CannotVerify() throws Exception {
        byte[] latin1 = PRETTY.getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, PRETTY), latin1), Reason.BAD_SIGNATURE);
    }

    @Test
    void timestampTenMinutesOldOrAheadFails() throws Exception {
        assertRejected(receive(adapter(SECRET), NOW - 600, sign(SECRET, ID, NOW - 600, PAYMENT), utf8(PAYMENT)),
                Reason.STALE_TIMESTAMP);
        assertRejected(receive(adapter(SECRET), NOW + 600, sign(SECRET, ID, NOW + 600, PAYMENT), utf8(PAYMENT)),
                Reason.FUTURE_TIMESTAMP);
        verified(receive(adapter(SECRET), NOW - 300, sign(SECRET, ID, NOW - 300, PAYMENT), utf8(PAYMENT)));
        verified(receive(adapter(SECRET), NOW + 300, sign(SECRET, ID, NOW + 300, PAYMENT), utf8(PAYMENT)));
        assertRejected(receive(adapter(SECRET), NOW + 301, sign(SECRET, ID, NOW + 301, PAYMENT), utf8(PAYMENT)),
                Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void theLibraryItselfChecksBothSidesButOnlyWithTheSystemClockAnd300Seconds() throws Exception {
        // what the library enforces (hence our own window with an injectable clock and tolerance)
        long now = Instant.now().getEpochSecond();
        Webhook lib = new Webhook(SECRET);
        for (long ts : new long[] {now - 600, now + 600}) {
            Map<String, List<String>> h = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of("" + ts),
                    "webhook-signature", List.of(lib.sign(ID, ts, PAYMENT)));
            assertThatThrownBy(() -> lib.verify(PAYMENT, h)).isInstanceOf(WebhookVerificationException.class)
                    .hasMessageContaining(ts < now ? "too old" : "too new");
        }
        Map<String, List<String>> ok = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of("" + now),
                "webhook-signature", List.of(lib.sign(ID, now, PAYMENT)));
        lib.verify(PAYMENT, ok);
    }

    @Test
    void rotation() throws Exception {
        String both = sign(SECRET, ID, NOW, PAYMENT) + " " + sign(NEW_SECRET, ID, NOW, PAYMENT);
        verified(receive(adapter(SECRET, NEW_SECRET), NOW, both, utf8(PAYMENT)));
        verified(receive(adapter(SECRET), NOW, both, utf8(PAYMENT)));
        verified(receive(adapter(NEW_SECRET), NOW, both, utf8(PAYMENT)));
        verified(receive(adapter(SECRET, NEW_SECRET), NOW, sign(SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)));
        verified(receive(adapter(SECRET, NEW_SECRET), NOW, sign(NEW_SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)));
        assertRejected(receive(adapter(NEW_SECRET), NOW, sign(SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void signedButInvalidBodies() throws Exception {
        String bad = "{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"p\",\"amount\":10.5,\"currency\":\"EUR\"}}";
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, bad), utf8(bad)), Reason.INVALID_AMOUNT);
        String neg = "{\"type\":\"payout.paid\",\"data\":{\"id\":\"p\",\"amount\":-1,\"currency\":\"EUR\"}}";
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, neg), utf8(neg)), Reason.INVALID_AMOUNT);
        String cur = "{\"type\":\"payout.paid\",\"data\":{\"id\":\"p\",\"amount\":1,\"currency\":\"ABC\"}}";
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, cur), utf8(cur)), Reason.INVALID_AMOUNT);
        String ts = "{\"type\":\"payout.paid\",\"timestamp\":\"yesterday\"}";
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, ts), utf8(ts)), Reason.MALFORMED_BODY);
    }

    @Test
    void aRefundEventIsOneIncrementalRefundKeyedByItsIdAndAFractionalAmountIsRefused() throws Exception {
        String body = "{\"type\":\"refund.succeeded\",\"data\":{\"id\":\"re_42\",\"payment_id\":\"pay_9\",\"amount\":250,\"currency\":\"EUR\"}}";
        VerifiedWebhook w = verified(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, body), utf8(body)));
        assertThat(w.amount()).contains(Money.ofMinor(250, CurrencyUnit.of("EUR")));
        assertThat(w.reference()).contains("pay_9");
        assertThat(w.attributes()).containsEntry(RefundAmount.ATTRIBUTE, "incremental").containsEntry(RefundAmount.REFUND_ID, "re_42");
        // 2.5 cents would need rounding: refused before anything is stored
        String fractional = body.replace("\"amount\":250", "\"amount\":2.5");
        assertRejected(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, fractional), utf8(fractional)), Reason.INVALID_AMOUNT);
        // a payment event carries no refund attributes
        VerifiedWebhook payment = verified(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, PAYMENT), utf8(PAYMENT)));
        assertThat(payment.attributes()).doesNotContainKeys(RefundAmount.ATTRIBUTE, RefundAmount.REFUND_ID);
    }

    @Test
    void settingsRefuseBadSecrets() {
        assertThatThrownBy(StandardWebhooksSettings::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhooksSettings.of("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhooksSettings.of("whsec_")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("payment.created", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment.pending", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment.processing", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment.succeeded", WebhookSubject.PAYMENT, PaymentStatus.SUCCEEDED),
                Arguments.of("payment.failed", WebhookSubject.PAYMENT, PaymentStatus.FAILED),
                Arguments.of("payment.canceled", WebhookSubject.PAYMENT, PaymentStatus.CANCELED),
                Arguments.of("refund.pending", WebhookSubject.REFUND, PaymentStatus.PENDING),
                Arguments.of("refund.succeeded", WebhookSubject.REFUND, PaymentStatus.REFUNDED),
                Arguments.of("refund.failed", WebhookSubject.REFUND, PaymentStatus.FAILED),
                Arguments.of("dispute.created", WebhookSubject.DISPUTE, PaymentStatus.DISPUTED),
                Arguments.of("dispute.lost", WebhookSubject.DISPUTE, PaymentStatus.CHARGED_BACK),
                Arguments.of("dispute.won", WebhookSubject.DISPUTE, PaymentStatus.REVERSED),
                Arguments.of("payout.pending", WebhookSubject.PAYOUT, PaymentStatus.PENDING),
                Arguments.of("payout.paid", WebhookSubject.PAYOUT, PaymentStatus.PAID),
                Arguments.of("payout.failed", WebhookSubject.PAYOUT, PaymentStatus.FAILED),
                Arguments.of("payout.canceled", WebhookSubject.PAYOUT, PaymentStatus.CANCELED),
                Arguments.of("payout.returned", WebhookSubject.PAYOUT, PaymentStatus.RETURNED),
                Arguments.of("user.created", WebhookSubject.OTHER, PaymentStatus.IGNORED),
                Arguments.of("payment.unheard_of", WebhookSubject.OTHER, PaymentStatus.IGNORED));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rows")
    void statusTableThroughTheAdapter(String type, WebhookSubject subject, PaymentStatus expected) throws Exception {
        String body = "{\"type\":\"" + type + "\",\"data\":{\"id\":\"x_1\",\"payment_id\":\"pay_9\",\"amount\":5,\"currency\":\"usd\"}}";
        VerifiedWebhook w = verified(receive(adapter(SECRET), NOW, sign(SECRET, ID, NOW, body), utf8(body)));
        assertThat(w.status()).isEqualTo(expected);
        assertThat(w.subject()).isEqualTo(subject);
        if (subject == WebhookSubject.REFUND || subject == WebhookSubject.DISPUTE) assertThat(w.reference()).contains("pay_9");
    }

    @Test
    void everyListedTypeAndEveryPaymentStatusIsCovered() {
        var types = rows().map(a -> (String) a.get()[0]).toList();
        var statuses = rows().map(a -> (PaymentStatus) a.get()[2]).toList();
        assertThat(types).containsAll(StandardWebhooksStatusTable.supportedEventTypes());
        assertThat(statuses).containsAll(List.of(PaymentStatus.values()));
    }
}
