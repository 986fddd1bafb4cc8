package io.hub.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hub.payments.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe-Signature verification and event mapping; every signature is made by stripe-java 33.3.0. */
class StripeWebhookAdapterTest {
    static final long NOW = 1_800_000_000L;
    static final String SECRET = "whsec_live_current";
    static final String OLD_SECRET = "whsec_live_previous";

    static final String PI_SUCCEEDED = """
            {"id":"evt_1","object":"event","type":"payment_intent.succeeded","created":1799999990,"livemode":true,
             "data":{"object":{"id":"pi_123","object":"payment_intent","amount":1050,"currency":"eur",
             "status":"succeeded","metadata":{"depositId":"dep-42","note":"x"}}}}""";

    /** Pretty-printed, with newlines and non-ASCII text. */
    static final String PRETTY = """
            {
              "id" : "evt_2",
              "object" : "event",
              "type" : "payment_intent.succeeded",
              "created" : 1799999990,
              "data" : {
                "object" : {
                  "id" : "pi_456",
                  "object" : "payment_intent",
                  "amount" : 100000,
                  "currency" : "eur",
                  "status" : "succeeded",
                  "description" : "Zoë — 1 000 €",
                  "metadata" : { "player" : "Zoë" }
                }
              }
            }
            """;

    static String header(String payload, String secret, long t) throws Exception {
        return Webhook.Signature.generateSignatureHeader(payload, secret, t);
    }

    static StripeWebhookAdapter adapter(String... secrets) {
        return new StripeWebhookAdapter(StripeSettings.of(secrets).withClock(clockAt(NOW)));
    }

    static WebhookOutcome receive(StripeWebhookAdapter a, String header, byte[] body) {
        return a.receive(WebhookHeaders.of("stripe-signature", header), body);
    }

    @Test
    void validDeliveryIsVerifiedAndMapped() throws Exception {
        VerifiedWebhook w = verified(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW), utf8(PI_SUCCEEDED)));
        assertThat(w.vendor()).isEqualTo("stripe");
        assertThat(w.eventId()).isEqualTo("evt_1");
        assertThat(w.eventType()).isEqualTo("payment_intent.succeeded");
        assertThat(w.subject()).isEqualTo(WebhookSubject.PAYMENT);
        assertThat(w.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(w.vendorStatus()).isEqualTo("succeeded");
        assertThat(w.reference()).contains("pi_123");
        assertThat(w.amount()).contains(Money.ofMinor(1050, CurrencyUnit.of("EUR")));
        assertThat(w.occurredAt()).isEqualTo(Instant.ofEpochSecond(1799999990));
        assertThat(w.attributes()).containsEntry("metadata.depositId", "dep-42").containsEntry("livemode", "true");
        assertThat(w.rawBody()).isEqualTo(utf8(PI_SUCCEEDED));
    }

    @Test
    void headerNameIsCaseInsensitive() throws Exception {
        var out = adapter(SECRET).receive(WebhookHeaders.of("STRIPE-SIGNATURE", header(PI_SUCCEEDED, SECRET, NOW)),
                utf8(PI_SUCCEEDED));
        verified(out);
    }

    @Test
    void publishedVectorVerifies() throws Exception {
        JsonNode v = vector("stripe-signature.json");
        String payload = v.get("payload").asText();
        long t = Long.parseLong(v.get("timestamp").asText());
        String expected = v.get("expected-header").asText();
        // the independent signer reproduces the vector …
        assertThat(header(payload, v.get("secret").asText(), t)).isEqualTo(expected);
        // … and our verifier accepts it
        var verifier = new StripeSignatureVerifier(StripeSettings.of(v.get("secret").asText()).withClock(clockAt(t)));
        assertThat(verifier.verify(WebhookHeaders.of("Stripe-Signature", expected), utf8(payload))).isEmpty();
        var other = new StripeSignatureVerifier(StripeSettings.of("whsec_other").withClock(clockAt(t)));
        assertThat(other.verify(WebhookHeaders.of("Stripe-Signature", expected), utf8(payload)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void tamperedBodyFails() throws Exception {
        String h = header(PI_SUCCEEDED, SECRET, NOW);
        assertRejected(receive(adapter(SECRET), h, utf8(PI_SUCCEEDED.replace("1050", "9050"))), Reason.BAD_SIGNATURE);
    }

    @Test
    void wrongSecretFails() throws Exception {
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, "whsec_attacker", NOW), utf8(PI_SUCCEEDED)),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void secretWithoutPrefixIsADifferentKey() throws Exception {
        // the whsec_ prefix is part of the key (no base64 decoding)
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET.substring(6), NOW), utf8(PI_SUCCEEDED)),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void missingHeaderFails() {
        assertRejected(adapter(SECRET).receive(WebhookHeaders.of("Content-Type", "application/json"), utf8(PI_SUCCEEDED)),
                Reason.MISSING_HEADER);
        assertRejected(adapter(SECRET).receive(WebhookHeaders.of("Stripe-Signature", "  "), utf8(PI_SUCCEEDED)),
                Reason.MISSING_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "t=abc,v1=00", "v1=abcd", "t=1800000000,,v1=00", "t=-5,v1=00",
            "t=1800000000,t=1800000000,v1=00", "t=1800000000,=x", "t=1.8e9,v1=00"})
    void malformedHeaderFails(String h) {
        assertRejected(receive(adapter(SECRET), h, utf8(PI_SUCCEEDED)), Reason.MALFORMED_HEADER);
    }

    @Test
    void headerWithoutV1OrWithBadHexFails() throws Exception {
        String sig = Webhook.Util.computeHmacSha256(SECRET, NOW + "." + PI_SUCCEEDED);
        assertRejected(receive(adapter(SECRET), "t=" + NOW + ",v0=" + sig, utf8(PI_SUCCEEDED)), Reason.BAD_SIGNATURE);
        assertRejected(receive(adapter(SECRET), "t=" + NOW + ",v1=zz" + sig, utf8(PI_SUCCEEDED)), Reason.BAD_SIGNATURE);
        // v0 alongside a valid v1 is ignored
        verified(receive(adapter(SECRET), "t=" + NOW + ",v1=" + sig + ",v0=deadbeef", utf8(PI_SUCCEEDED)));
    }

    @Test
    void bodyReserialisedAfterSigningFails() throws Exception {
        String h = header(PRETTY, SECRET, NOW);
        byte[] reserialised = reserialised(utf8(PRETTY));
        assertThat(reserialised).isNotEqualTo(utf8(PRETTY));
        assertRejected(receive(adapter(SECRET), h, reserialised), Reason.BAD_SIGNATURE);
    }

    @Test
    void bodyReadLineByLineFails() throws Exception {
        // payments.md §7 #5: req.getReader().lines().collect(joining()) strips the newlines
        String h = header(PRETTY, SECRET, NOW);
        String joined = PRETTY.lines().collect(Collectors.joining());
        assertRejected(receive(adapter(SECRET), h, utf8(joined)), Reason.BAD_SIGNATURE);
    }

    @Test
    void prettyPrintedNonAsciiBodyVerifies() throws Exception {
        VerifiedWebhook w = verified(receive(adapter(SECRET), header(PRETTY, SECRET, NOW),
                PRETTY.getBytes(StandardCharsets.UTF_8)));
        assertThat(w.amount()).contains(Money.parse("1000.00", CurrencyUnit.of("EUR")));
        assertThat(new String(w.rawBody(), StandardCharsets.UTF_8)).contains("Zoë — 1 000 €");
        assertThat(w.attributes()).containsEntry("metadata.player", "Zoë");
    }

    @Test
    void timestampTenMinutesOldOrAheadFails() throws Exception {
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW - 600), utf8(PI_SUCCEEDED)),
                Reason.STALE_TIMESTAMP);
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW + 600), utf8(PI_SUCCEEDED)),
                Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void toleranceIsInclusiveAndConfigurable() throws Exception {
        verified(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW - 300), utf8(PI_SUCCEEDED)));
        verified(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW + 300), utf8(PI_SUCCEEDED)));
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW - 301), utf8(PI_SUCCEEDED)),
                Reason.STALE_TIMESTAMP);
        assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, SECRET, NOW + 301), utf8(PI_SUCCEEDED)),
                Reason.FUTURE_TIMESTAMP);
        var strict = new StripeWebhookAdapter(StripeSettings.of(SECRET).withClock(clockAt(NOW))
                .withTolerance(Duration.ofSeconds(60)));
        assertRejected(receive(strict, header(PI_SUCCEEDED, SECRET, NOW - 120), utf8(PI_SUCCEEDED)),
                Reason.STALE_TIMESTAMP);
        assertThatThrownBy(() -> StripeSettings.of(SECRET).withTolerance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stripeJavaItselfAcceptsAFutureTimestamp() throws Exception {
        // why the hub has its own two-sided check (payments.md §1.1)
        String h = header(PI_SUCCEEDED, SECRET, NOW + 600);
        assertThat(Webhook.Signature.verifyHeader(PI_SUCCEEDED, h, SECRET, 300, clockAt(NOW))).isTrue();
        assertRejected(receive(adapter(SECRET), h, utf8(PI_SUCCEEDED)), Reason.FUTURE_TIMESTAMP);
    }

    @Nested
    class Rotation {
        String twoSignatures() throws Exception {
            // during a roll Stripe sends one v1 per active secret
            return header(PI_SUCCEEDED, OLD_SECRET, NOW) + ",v1="
                    + Webhook.Util.computeHmacSha256(SECRET, NOW + "." + PI_SUCCEEDED);
        }

        @Test
        void headerWithTwoV1ValuesVerifiesWithEitherOrBothSecrets() throws Exception {
            verified(receive(adapter(OLD_SECRET, SECRET), twoSignatures(), utf8(PI_SUCCEEDED)));
            verified(receive(adapter(OLD_SECRET), twoSignatures(), utf8(PI_SUCCEEDED)));
            verified(receive(adapter(SECRET), twoSignatures(), utf8(PI_SUCCEEDED)));
            assertRejected(receive(adapter("whsec_unrelated"), twoSignatures(), utf8(PI_SUCCEEDED)),
                    Reason.BAD_SIGNATURE);
        }

        @Test
        void twoActiveSecretsAcceptAHeaderSignedWithOnlyOldOrOnlyNew() throws Exception {
            var both = adapter(OLD_SECRET, SECRET);
            verified(receive(both, header(PI_SUCCEEDED, OLD_SECRET, NOW), utf8(PI_SUCCEEDED)));
            verified(receive(both, header(PI_SUCCEEDED, SECRET, NOW), utf8(PI_SUCCEEDED)));
            // after the roll the old secret is removed
            assertRejected(receive(adapter(SECRET), header(PI_SUCCEEDED, OLD_SECRET, NOW), utf8(PI_SUCCEEDED)),
                    Reason.BAD_SIGNATURE);
        }
    }

    @Nested
    class BodyAfterVerification {
        WebhookOutcome signedReceive(String body) throws Exception {
            return receive(adapter(SECRET), header(body, SECRET, NOW), utf8(body));
        }

        @Test
        void failedSignatureNeverParsesTheBody() throws Exception {
            assertRejected(receive(adapter(SECRET), header("{}", "whsec_x", NOW), utf8("not json at all")),
                    Reason.BAD_SIGNATURE);
            assertRejected(signedReceive("not json at all"), Reason.MALFORMED_BODY);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "[]",
                "{\"type\":\"payment_intent.succeeded\",\"created\":1}",
                "{\"id\":\"evt\",\"created\":1}",
                "{\"id\":\"evt\",\"type\":\"x\"}",
                "{\"id\":\"evt\",\"type\":\"x\",\"created\":\"yesterday\"}",
                "{\"id\":\"evt\",\"id\":\"evt2\",\"type\":\"x\",\"created\":1}",
                "{\"id\":\"evt\",\"type\":\"x\",\"created\":1} trailing"})
        void malformedSignedBodies(String body) throws Exception {
            assertRejected(signedReceive(body), Reason.MALFORMED_BODY);
        }

        String pi(String amount, String currency) {
            return "{\"id\":\"evt_a\",\"type\":\"payment_intent.succeeded\",\"created\":1799999990,\"data\":{\"object\":"
                    + "{\"id\":\"pi_a\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"currency\":"
                    + currency + ",\"status\":\"succeeded\"}}}";
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.5", "1050.0", "1e3", "\"1050\"", "-5", "true", "99999999999999999999"})
        void amountsThatAreNotNonNegativeIntegersOfMinorUnitsFail(String amount) throws Exception {
            assertRejected(signedReceive(pi(amount, "\"eur\"")), Reason.INVALID_AMOUNT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"zzz\"", "\"xau\"", "\"eu\"", "null", "\"\""})
        void unknownCurrenciesFail(String currency) throws Exception {
            assertRejected(signedReceive(pi("1050", currency)), Reason.INVALID_AMOUNT);
        }

        @Test
        void zeroDecimalAndThreeDecimalCurrencies() throws Exception {
            assertThat(verified(signedReceive(pi("500", "\"jpy\""))).amount())
                    .contains(Money.ofMinor(500, CurrencyUnit.of("JPY")));
            assertThat(verified(signedReceive(pi("1234", "\"kwd\""))).amount().map(Money::toDecimalString))
                    .contains("1.234");
            assertThat(verified(signedReceive(pi("0", "\"eur\""))).amount())
                    .contains(Money.zero(CurrencyUnit.of("EUR")));
        }

        @Test
        void unknownEventTypeIsIgnoredNotAnError() throws Exception {
            VerifiedWebhook w = verified(signedReceive(
                    "{\"id\":\"evt_u\",\"type\":\"customer.created\",\"created\":1799999990,"
                            + "\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\",\"amount\":\"odd\"}}}"));
            assertThat(w.status()).isEqualTo(PaymentStatus.IGNORED);
            assertThat(w.subject()).isEqualTo(WebhookSubject.OTHER);
            assertThat(w.amount()).isEmpty();
            assertThat(w.reference()).contains("cus_1");
        }

        @Test
        void refundDisputeAndPayoutReferences() throws Exception {
            VerifiedWebhook refund = verified(signedReceive(
                    "{\"id\":\"evt_r\",\"type\":\"charge.refunded\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":1050,\"amount_refunded\":500,"
                            + "\"currency\":\"eur\",\"payment_intent\":\"pi_9\",\"status\":\"succeeded\"}}}"));
            assertThat(refund.reference()).contains("pi_9");
            assertThat(refund.amount()).contains(Money.ofMinor(500, CurrencyUnit.of("EUR")));
            VerifiedWebhook dispute = verified(signedReceive(
                    "{\"id\":\"evt_d\",\"type\":\"charge.dispute.created\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"dp_1\",\"object\":\"dispute\",\"amount\":1050,\"currency\":\"eur\","
                            + "\"charge\":\"ch_1\",\"status\":\"needs_response\"}}}"));
            assertThat(dispute.reference()).contains("ch_1");
            assertThat(dispute.attributes()).containsEntry("charge", "ch_1");
            VerifiedWebhook payout = verified(signedReceive(
                    "{\"id\":\"evt_p\",\"type\":\"payout.paid\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"po_1\",\"object\":\"payout\",\"amount\":2000,\"currency\":\"gbp\","
                            + "\"status\":\"paid\"}}}"));
            assertThat(payout.reference()).contains("po_1");
            assertThat(payout.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(payout.amount()).contains(Money.ofMinor(2000, CurrencyUnit.of("GBP")));
        }

        @Test
        void chargeRefundedIsCumulativeWhileARefundObjectIsOneIncrementalRefundWithItsId() throws Exception {
            // charge.refunded: the Charge's amount_refunded, the total refunded so far (docs.stripe.com/api/charges/object)
            VerifiedWebhook charge = verified(signedReceive(
                    "{\"id\":\"evt_c\",\"type\":\"charge.refunded\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":1050,\"amount_refunded\":800,"
                            + "\"currency\":\"eur\",\"payment_intent\":\"pi_9\",\"status\":\"succeeded\"}}}"));
            assertThat(charge.amount()).contains(Money.ofMinor(800, CurrencyUnit.of("EUR")));
            assertThat(charge.attributes()).containsEntry(RefundAmount.ATTRIBUTE, "cumulative").doesNotContainKey(RefundAmount.REFUND_ID);
            // refund.updated: the Refund's own amount (docs.stripe.com/api/refunds/object), keyed by its re_ id
            VerifiedWebhook refund = verified(signedReceive(
                    "{\"id\":\"evt_re\",\"type\":\"refund.updated\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"re_7\",\"object\":\"refund\",\"amount\":300,\"currency\":\"eur\","
                            + "\"payment_intent\":\"pi_9\",\"charge\":\"ch_1\",\"status\":\"succeeded\"}}}"));
            assertThat(refund.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(refund.reference()).contains("pi_9");
            assertThat(refund.amount()).contains(Money.ofMinor(300, CurrencyUnit.of("EUR")));
            assertThat(refund.attributes()).containsEntry(RefundAmount.ATTRIBUTE, "incremental").containsEntry(RefundAmount.REFUND_ID, "re_7");
            // not a refund: no refund attributes
            VerifiedWebhook payment = verified(signedReceive(
                    "{\"id\":\"evt_pi\",\"type\":\"payment_intent.succeeded\",\"created\":1799999990,\"data\":{\"object\":"
                            + "{\"id\":\"pi_9\",\"object\":\"payment_intent\",\"amount\":1050,\"currency\":\"eur\"}}}"));
            assertThat(payment.attributes()).doesNotContainKeys(RefundAmount.ATTRIBUTE, RefundAmount.REFUND_ID);
        }
    }

    @Test
    void settingsRefuseNoOrBlankSecrets() {
        assertThatThrownBy(StripeSettings::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StripeSettings.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(StripeSettings.of(SECRET).toString()).doesNotContain(SECRET);
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
