package io.hub.payments.sumsub;

import io.hub.contracts.payments.KycStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected.Reason;
import io.hub.contracts.payments.WebhookSubject;
import io.hub.payments.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hub.payments.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Sumsub X-Payload-Digest verification and KYC status mapping; the test signs with the JDK Mac directly. */
class SumsubWebhookAdapterTest {
    static final String SECRET = "test-secret";
    /** payments.md §1.6 body; its SHA256 / SHA1 digests under "test-secret" were computed there. */
    static final String DOC_BODY = "{\"type\":\"applicantReviewed\",\"applicantId\":\"app_1\",\"reviewResult\":{\"reviewAnswer\":\"GREEN\"}}";
    static final String DOC_SHA256 = "dc6939356a5842da2bd2b9016e71e0d983e5f6ea3c2e618f339621b35563b7ce";
    static final String DOC_SHA1 = "04de5f56b5698d7d8126de82b3d33fd9870d767c";

    static final String REVIEWED_RED_RETRY = """
            {
              "applicantId": "5cb56e8e0a975a35f333cb83",
              "inspectionId": "5cb56e8e0a975a35f333cb84",
              "correlationId": "req-a260b669",
              "externalUserId": "player-42",
              "levelName": "basic-kyc-level",
              "type": "applicantReviewed",
              "sandboxMode": true,
              "reviewStatus": "completed",
              "createdAtMs": "2027-02-21 13:23:19.321",
              "reviewResult": {
                "moderationComment": "Zoë — bitte das Foto erneut hochladen: 1 000 €",
                "reviewAnswer": "RED",
                "reviewRejectType": "RETRY",
                "rejectLabels": ["DOCUMENT_PAGE_MISSING", "BAD_PROOF_OF_ADDRESS"]
              }
            }
            """;

    static String hex(String jdk, String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(jdk);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), jdk));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static WebhookOutcome receive(SumsubWebhookAdapter a, String alg, String digest, byte[] body) {
        return a.receive(WebhookHeaders.of("X-Payload-Digest", digest, "X-Payload-Digest-Alg", alg), body);
    }

    static SumsubWebhookAdapter adapter(String... secrets) {
        return new SumsubWebhookAdapter(SumsubSettings.of(secrets));
    }

    @Test
    void documentedVectorVerifiesAndSha1IsRefused() throws Exception {
        assertThat(hex("HmacSHA256", SECRET, utf8(DOC_BODY))).isEqualTo(DOC_SHA256);
        var verifier = new SumsubSignatureVerifier(SumsubSettings.of(SECRET));
        var h = WebhookHeaders.of("X-Payload-Digest", DOC_SHA256, "X-Payload-Digest-Alg", "HMAC_SHA256_HEX");
        assertThat(verifier.verify(h, utf8(DOC_BODY))).isEmpty();
        // the digest is right, but SHA-1 is not on the allow-list
        assertRejected(receive(adapter(SECRET), "HMAC_SHA1_HEX", DOC_SHA1, utf8(DOC_BODY)), Reason.UNSUPPORTED_ALGORITHM);
        // authentic, but no creation time: malformed, not an exception
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", DOC_SHA256, utf8(DOC_BODY)), Reason.MALFORMED_BODY);
    }

    @Test
    void validPrettyNonAsciiDeliveryIsMapped() throws Exception {
        byte[] body = REVIEWED_RED_RETRY.getBytes(StandardCharsets.UTF_8);
        VerifiedWebhook w = verified(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA256", SECRET, body), body));
        assertThat(w.vendor()).isEqualTo("sumsub");
        assertThat(w.subject()).isEqualTo(WebhookSubject.APPLICANT);
        assertThat(w.status()).isEqualTo(KycStatus.RETRY_REQUIRED);
        assertThat(w.vendorStatus()).isEqualTo("RED/RETRY");
        assertThat(w.reference()).contains("5cb56e8e0a975a35f333cb83");
        assertThat(w.eventId()).isEqualTo("5cb56e8e0a975a35f333cb83:applicantReviewed:2027-02-21 13:23:19.321");
        assertThat(w.occurredAt()).isEqualTo(Instant.parse("2027-02-21T13:23:19.321Z"));
        assertThat(w.amount()).isEmpty();
        assertThat(w.attributes()).containsEntry("externalUserId", "player-42")
                .containsEntry("rejectLabels", "DOCUMENT_PAGE_MISSING,BAD_PROOF_OF_ADDRESS")
                .containsEntry("sandboxMode", "true");
        assertThat(w.attributes().values()).noneMatch(v -> v.contains("Zoë"));
    }

    @Test
    void sha512AndUpperCaseHexVerify() throws Exception {
        byte[] body = utf8(REVIEWED_RED_RETRY);
        verified(receive(adapter(SECRET), "HMAC_SHA512_HEX", hex("HmacSHA512", SECRET, body), body));
        verified(receive(adapter(SECRET), "HMAC_SHA256_HEX",
                hex("HmacSHA256", SECRET, body).toUpperCase(Locale.ROOT), body));
        // a SHA-512 digest announced as SHA-256 does not match
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA512", SECRET, body), body),
                Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "HMAC_MD5_HEX", "hmac_sha256_hex", "HMAC_SHA1_HEX", "NONE"})
    void algorithmsOffTheAllowListAreRefused(String alg) throws Exception {
        byte[] body = utf8(REVIEWED_RED_RETRY);
        assertRejected(receive(adapter(SECRET), alg, hex("HmacSHA256", SECRET, body), body), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void missingHeadersTamperingWrongSecretAndReserialisationFail() throws Exception {
        byte[] body = utf8(REVIEWED_RED_RETRY);
        String digest = hex("HmacSHA256", SECRET, body);
        assertRejected(adapter(SECRET).receive(WebhookHeaders.of("X-Payload-Digest", digest), body), Reason.MISSING_HEADER);
        assertRejected(adapter(SECRET).receive(WebhookHeaders.of("X-Payload-Digest-Alg", "HMAC_SHA256_HEX"), body),
                Reason.MISSING_HEADER);
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", "not-hex", body), Reason.MALFORMED_HEADER);
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", digest, utf8(REVIEWED_RED_RETRY.replace("RED", "GREEN"))),
                Reason.BAD_SIGNATURE);
        assertRejected(receive(adapter("other-secret"), "HMAC_SHA256_HEX", digest, body), Reason.BAD_SIGNATURE);
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", digest, reserialised(body)), Reason.BAD_SIGNATURE);
        // a failed check does not parse: garbage with a bad digest is BAD_SIGNATURE, not MALFORMED_BODY
        assertRejected(receive(adapter(SECRET), "HMAC_SHA256_HEX", digest, utf8("<xml/>")), Reason.BAD_SIGNATURE);
    }

    @Test
    void rotation() throws Exception {
        byte[] body = utf8(REVIEWED_RED_RETRY);
        verified(receive(adapter("old", "new"), "HMAC_SHA256_HEX", hex("HmacSHA256", "old", body), body));
        verified(receive(adapter("old", "new"), "HMAC_SHA256_HEX", hex("HmacSHA256", "new", body), body));
        assertRejected(receive(adapter("new"), "HMAC_SHA256_HEX", hex("HmacSHA256", "old", body), body),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void greenThenRedFinalAreTwoEventsInOrder() throws Exception {
        // payments.md §7 #15: Sumsub may send RED after GREEN
        String green = "{\"applicantId\":\"app_7\",\"type\":\"applicantReviewed\",\"createdAtMs\":\"2027-03-01 10:00:00.000\","
                + "\"reviewResult\":{\"reviewAnswer\":\"GREEN\"}}";
        String red = "{\"applicantId\":\"app_7\",\"type\":\"applicantReviewed\",\"createdAtMs\":\"2027-03-09 10:00:00.000\","
                + "\"reviewResult\":{\"reviewAnswer\":\"RED\",\"reviewRejectType\":\"FINAL\"}}";
        VerifiedWebhook g = verified(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA256", SECRET, utf8(green)), utf8(green)));
        VerifiedWebhook r = verified(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA256", SECRET, utf8(red)), utf8(red)));
        assertThat(g.status()).isEqualTo(KycStatus.APPROVED);
        assertThat(r.status()).isEqualTo(KycStatus.REJECTED);
        assertThat(g.eventId()).isNotEqualTo(r.eventId());
        assertThat(r.occurredAt()).isAfter(g.occurredAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2027-03-01T10:00:00Z\"", "1803895200000", "\"2027-03-01 10:00:00+0000\""})
    void creationTimeFormats(String created) throws Exception {
        String body = "{\"applicantId\":\"a\",\"type\":\"applicantPending\",\"createdAtMs\":" + created + "}";
        VerifiedWebhook w = verified(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA256", SECRET, utf8(body)), utf8(body)));
        assertThat(w.occurredAt()).isEqualTo(Instant.parse("2027-03-01T10:00:00Z"));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("applicantCreated", null, null, KycStatus.NOT_STARTED),
                Arguments.of("applicantReset", null, null, KycStatus.NOT_STARTED),
                Arguments.of("applicantPending", null, null, KycStatus.PENDING),
                Arguments.of("applicantPrechecked", null, null, KycStatus.PENDING),
                Arguments.of("applicantOnHold", null, null, KycStatus.IN_REVIEW),
                Arguments.of("applicantReviewed", "GREEN", null, KycStatus.APPROVED),
                Arguments.of("applicantReviewed", "RED", "RETRY", KycStatus.RETRY_REQUIRED),
                Arguments.of("applicantReviewed", "RED", "FINAL", KycStatus.REJECTED),
                Arguments.of("applicantReviewed", "RED", null, KycStatus.IN_REVIEW),
                Arguments.of("applicantReviewed", "RED", "SOMETHING", KycStatus.IN_REVIEW),
                Arguments.of("applicantReviewed", null, null, KycStatus.IN_REVIEW),
                Arguments.of("applicantReviewed", "YELLOW", null, KycStatus.IN_REVIEW),
                Arguments.of("applicantPersonalInfoChanged", null, null, KycStatus.IGNORED),
                Arguments.of("applicantTagsChanged", null, null, KycStatus.IGNORED),
                Arguments.of("applicantActivated", null, null, KycStatus.IGNORED),
                Arguments.of("applicantDeactivated", null, null, KycStatus.IGNORED),
                Arguments.of("applicantDeleted", null, null, KycStatus.IGNORED),
                Arguments.of("applicantLevelChanged", null, null, KycStatus.IGNORED),
                Arguments.of("applicantActionReviewed", "GREEN", null, KycStatus.IGNORED),
                Arguments.of("videoIdentStatusChanged", null, null, KycStatus.IGNORED));
    }

    @ParameterizedTest(name = "{0} {1}/{2} -> {3}")
    @MethodSource("rows")
    void statusTableThroughTheAdapter(String type, String answer, String rejectType, KycStatus expected) throws Exception {
        String review = answer == null ? "" : ",\"reviewResult\":{\"reviewAnswer\":\"" + answer + "\""
                + (rejectType == null ? "" : ",\"reviewRejectType\":\"" + rejectType + "\"") + "}";
        String body = "{\"applicantId\":\"app_1\",\"type\":\"" + type + "\",\"createdAtMs\":\"2027-01-01 00:00:00.000\"" + review + "}";
        VerifiedWebhook w = verified(receive(adapter(SECRET), "HMAC_SHA256_HEX", hex("HmacSHA256", SECRET, utf8(body)), utf8(body)));
        assertThat(w.status()).isEqualTo(expected);
    }

    @Test
    void everyListedTypeAndEveryKycStatusIsCovered() {
        var types = rows().map(a -> (String) a.get()[0]).toList();
        var statuses = rows().map(a -> (KycStatus) a.get()[3]).toList();
        assertThat(types).containsAll(SumsubStatusTable.supportedEventTypes());
        assertThat(statuses).containsAll(List.of(KycStatus.values()));
    }
}
