package io.hub.payments.sumsub;

import io.hub.contracts.payments.WebhookRejected;
import io.hub.contracts.payments.WebhookRejected.Reason;
import io.hub.payments.Hmac;
import io.hub.payments.WebhookHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a Sumsub webhook (docs.sumsub.com/docs/webhook-manager; payments.md §1.6): {@code X-Payload-Digest}
 * is the hex HMAC of the raw body with the webhook secret (UTF-8 key), {@code X-Payload-Digest-Alg} names
 * the algorithm. Only {@code HMAC_SHA256_HEX} (Sumsub's default) and {@code HMAC_SHA512_HEX} are accepted;
 * anything else — including the legacy {@code HMAC_SHA1_HEX} — is UNSUPPORTED_ALGORITHM, decided before any
 * HMAC is computed. Both headers are required (MISSING_HEADER). The digest is hex-decoded (either case) and
 * compared as bytes in constant time against the HMAC under every active secret.
 *
 * <p>Sumsub signs no timestamp, so there is no replay window here: replays are absorbed by the hub's inbox
 * (same event id, see {@link SumsubMapper}).
 */
public final class SumsubSignatureVerifier {
    public static final String DIGEST = "X-Payload-Digest";
    public static final String ALGORITHM = "X-Payload-Digest-Alg";

    /** Allowed {@code X-Payload-Digest-Alg} values → JDK Mac names. */
    public static final Map<String, String> ALGORITHMS = Map.of(
            "HMAC_SHA256_HEX", "HmacSHA256",
            "HMAC_SHA512_HEX", "HmacSHA512");

    private final List<byte[]> keys;

    public SumsubSignatureVerifier(SumsubSettings settings) {
        this.keys = settings.secrets().stream().map(Hmac::utf8).toList();
    }

    /** Empty when the digest matches, otherwise the rejection. */
    public Optional<WebhookRejected> verify(WebhookHeaders headers, byte[] rawBody) {
        Optional<String> digest = headers.first(DIGEST);
        Optional<String> alg = headers.first(ALGORITHM);
        if (digest.isEmpty() || alg.isEmpty()) {
            return Optional.of(WebhookRejected.of(Reason.MISSING_HEADER, DIGEST + " and " + ALGORITHM + " are required"));
        }
        String jdk = ALGORITHMS.get(alg.get());
        if (jdk == null) {
            return Optional.of(WebhookRejected.of(Reason.UNSUPPORTED_ALGORITHM, "digest algorithm not allowed"));
        }
        Optional<byte[]> got = Hmac.fromHex(digest.get());
        if (got.isEmpty()) return Optional.of(WebhookRejected.of(Reason.MALFORMED_HEADER, DIGEST + " is not hex"));
        boolean match = false;
        for (byte[] key : keys) {
            if (Hmac.equal(Hmac.mac(jdk, key, rawBody), got.get())) match = true;
        }
        return match ? Optional.empty()
                : Optional.of(WebhookRejected.of(Reason.BAD_SIGNATURE, "digest does not match an active secret"));
    }
}
