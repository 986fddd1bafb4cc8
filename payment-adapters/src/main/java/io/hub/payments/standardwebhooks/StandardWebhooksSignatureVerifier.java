package io.hub.payments.standardwebhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.hub.contracts.payments.WebhookRejected;
import io.hub.contracts.payments.WebhookRejected.Reason;
import io.hub.payments.Hmac;
import io.hub.payments.TimestampWindow;
import io.hub.payments.WebhookHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a Standard Webhooks delivery (spec v1.0.0 "Verifying webhooks"; payments.md §1.3) with the reference
 * library {@code com.standardwebhooks:standardwebhooks:1.2.0}.
 *
 * <p>Headers (all required): {@code webhook-id}, {@code webhook-timestamp} (unix seconds),
 * {@code webhook-signature} (space-separated {@code <version>,<base64>} entries). Signed content:
 * {@code "<id>.<timestamp>.<raw body>"}, HMAC-SHA256 with the base64-decoded secret; the delivery passes when
 * any {@code v1,} entry equals the signature under any active secret (rotation); other versions
 * ({@code v1a}, {@code v2}…) are ignored.
 *
 * <p>How the library is used, and why not its {@code verify}: {@code Webhook#sign(id, ts, payload)} computes
 * the expected {@code v1,<base64>} for each secret (the library's key handling and HMAC). Its
 * {@code verify(String, Map)} does enforce the tolerance on both sides ("Message timestamp too old" /
 * "too new") but with a hard-coded 300 s and {@code System.currentTimeMillis()}, reports every failure as
 * the same exception type, and reads only the first value of each header — so this class compares the
 * signature entries itself (constant time, {@link java.security.MessageDigest#isEqual}) and applies its own
 * two-sided {@link TimestampWindow} with the configured tolerance and clock.
 *
 * <p>The library signs a {@code String}; the raw bytes are decoded as strict UTF-8 (the library re-encodes
 * them as UTF-8, giving back the same bytes). A body that is not valid UTF-8 cannot be verified that way
 * and is BAD_SIGNATURE.
 *
 * <p>Results: a header missing/blank → MISSING_HEADER; timestamp not an integer, id over 256 characters or
 * containing {@code .} → MALFORMED_HEADER; no matching {@code v1} → BAD_SIGNATURE; then STALE_TIMESTAMP /
 * FUTURE_TIMESTAMP.
 */
public final class StandardWebhooksSignatureVerifier {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private final List<Webhook> signers;
    private final TimestampWindow window;

    public StandardWebhooksSignatureVerifier(StandardWebhooksSettings settings) {
        this.signers = settings.secrets().stream().map(StandardWebhooksSettings::library).toList();
        this.window = settings.window();
    }

    /** Empty when the delivery is authentic and fresh, otherwise the rejection. */
    public Optional<WebhookRejected> verify(WebhookHeaders headers, byte[] rawBody) {
        Optional<String> id = headers.first(ID);
        Optional<String> ts = headers.first(TIMESTAMP);
        Optional<String> sig = headers.first(SIGNATURE);
        if (id.isEmpty() || ts.isEmpty() || sig.isEmpty()) {
            return reject(Reason.MISSING_HEADER, "webhook-id, webhook-timestamp and webhook-signature are required");
        }
        if (id.get().length() > 256 || id.get().contains(".")) return reject(Reason.MALFORMED_HEADER, "bad webhook-id");
        Optional<Long> timestamp = TimestampWindow.parseUnixSeconds(ts.get());
        if (timestamp.isEmpty()) return reject(Reason.MALFORMED_HEADER, "webhook-timestamp is not unix seconds");

        Optional<String> payload = strictUtf8(rawBody);
        if (payload.isEmpty()) return reject(Reason.BAD_SIGNATURE, "body is not UTF-8");

        List<byte[]> candidates = java.util.Arrays.stream(sig.get().split(" "))
                .filter(e -> e.startsWith("v1,"))
                .map(e -> e.substring(3).getBytes(StandardCharsets.US_ASCII))
                .toList();
        if (candidates.isEmpty()) return reject(Reason.BAD_SIGNATURE, "no v1 signature");

        boolean match = false;
        for (Webhook signer : signers) {
            byte[] expected;
            try {
                expected = signer.sign(id.get(), timestamp.get(), payload.get()).substring(3)
                        .getBytes(StandardCharsets.US_ASCII);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
            for (byte[] candidate : candidates) {
                if (Hmac.equal(expected, candidate)) match = true;
            }
        }
        if (!match) return reject(Reason.BAD_SIGNATURE, "no v1 signature matches an active secret");
        return window.check(timestamp.get());
    }

    static Optional<String> strictUtf8(byte[] raw) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<WebhookRejected> reject(Reason reason, String detail) {
        return Optional.of(WebhookRejected.of(reason, detail));
    }
}
