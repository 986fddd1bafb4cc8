package io.hub.payments.stripe;

import io.hub.contracts.payments.WebhookRejected;
import io.hub.contracts.payments.WebhookRejected.Reason;
import io.hub.payments.Hmac;
import io.hub.payments.TimestampWindow;
import io.hub.payments.WebhookHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the {@code Stripe-Signature} header over the exact raw body (payments.md §1.1; stripe-java
 * {@code com.stripe.net.Webhook}).
 *
 * <p>Header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]} — split on {@code ,}, then on the first
 * {@code =}; exactly one {@code t}; every {@code v1} is a candidate, other schemes are ignored. Expected
 * signature: lowercase-hex HMAC-SHA256 over the bytes {@code "<t>." + rawBody}, key = the secret string
 * (including {@code whsec_}) as UTF-8. The delivery passes when any {@code v1} equals the HMAC under any
 * active secret (rotation), compared in constant time; then {@code |now − t| ≤ tolerance} (both sides,
 * unlike stripe-java).
 *
 * <p>Order and results: no header → MISSING_HEADER; unreadable header (no/duplicate/non-numeric {@code t},
 * element without {@code =}) → MALFORMED_HEADER; no matching {@code v1} → BAD_SIGNATURE; then
 * STALE_TIMESTAMP / FUTURE_TIMESTAMP. The timestamp is only judged once the signature proved it authentic.
 */
public final class StripeSignatureVerifier {
    /** The header name (case-insensitive on the wire). */
    public static final String HEADER = "Stripe-Signature";
    private static final int MAX_HEADER_LENGTH = 8192;

    private final List<byte[]> keys;
    private final TimestampWindow window;

    public StripeSignatureVerifier(StripeSettings settings) {
        this.keys = settings.secrets().stream().map(Hmac::utf8).toList();
        this.window = settings.window();
    }

    /**
     * Checks one delivery.
     *
     * @return empty when the signature and timestamp are valid, otherwise the rejection
     */
    public Optional<WebhookRejected> verify(WebhookHeaders headers, byte[] rawBody) {
        Optional<String> header = headers.first(HEADER);
        if (header.isEmpty()) return reject(Reason.MISSING_HEADER, "no " + HEADER + " header");
        if (headers.all(HEADER).size() > 1) return reject(Reason.MALFORMED_HEADER, HEADER + " header repeated");
        String value = header.get();
        if (value.length() > MAX_HEADER_LENGTH) return reject(Reason.MALFORMED_HEADER, HEADER + " too long");

        String timestamp = null;
        List<String> v1 = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) return reject(Reason.MALFORMED_HEADER, "element without key=value");
            String key = item.substring(0, eq).trim();
            String val = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null) return reject(Reason.MALFORMED_HEADER, "more than one t");
                timestamp = val;
            } else if (key.equals("v1")) {
                v1.add(val);
            }
        }
        if (timestamp == null) return reject(Reason.MALFORMED_HEADER, "no t element");
        Optional<Long> t = TimestampWindow.parseUnixSeconds(timestamp);
        if (t.isEmpty()) return reject(Reason.MALFORMED_HEADER, "t is not unix seconds");
        if (v1.isEmpty()) return reject(Reason.BAD_SIGNATURE, "no v1 signature");

        byte[] signedPrefix = Hmac.utf8(timestamp + ".");
        boolean match = false;
        for (byte[] key : keys) {
            byte[] expected = Hmac.sha256(key, signedPrefix, rawBody);
            for (String candidate : v1) {
                Optional<byte[]> got = Hmac.fromHex(candidate);
                // no early exit: every candidate is compared against every key
                if (got.isPresent() && Hmac.equal(expected, got.get())) match = true;
            }
        }
        if (!match) return reject(Reason.BAD_SIGNATURE, "no v1 signature matches an active secret");
        return window.check(t.get());
    }

    private static Optional<WebhookRejected> reject(Reason reason, String detail) {
        return Optional.of(WebhookRejected.of(reason, detail));
    }
}
