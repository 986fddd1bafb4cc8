package io.hub.contracts.payments;

import java.util.Objects;

/**
 * A webhook delivery the hub refuses, with the reason. Reasons before {@link Reason#MALFORMED_BODY} are
 * decided without parsing the body (payments.md §0: verify the exact raw bytes first); {@link Reason#MALFORMED_BODY}
 * and {@link Reason#INVALID_AMOUNT} are only returned for a delivery whose signature <em>was</em> valid, so the
 * hub may keep the raw bytes for investigation. Suggested HTTP answer: 401 for {@code BAD_SIGNATURE},
 * 400 otherwise (payments.md §2 "Consequences", item 2).
 *
 * @param reason why
 * @param detail a short explanation for logs; never contains secrets or the body
 */
public record WebhookRejected(Reason reason, String detail) implements WebhookOutcome {

    /** Why a webhook was refused. */
    public enum Reason {
        /** A required header is absent or empty. */
        MISSING_HEADER,
        /** A signature header that cannot be read (no timestamp, timestamp not an integer, bad syntax). */
        MALFORMED_HEADER,
        /** The digest / signature algorithm named by the vendor is not on the allow-list. */
        UNSUPPORTED_ALGORITHM,
        /** No signature in the header matches any active secret over the raw body. */
        BAD_SIGNATURE,
        /** Signed, but the timestamp is older than the tolerance (replay). */
        STALE_TIMESTAMP,
        /** Signed, but the timestamp is further in the future than the tolerance. */
        FUTURE_TIMESTAMP,
        /** Signed, but the body is not the JSON shape the scheme defines (missing id/type, bad field types). */
        MALFORMED_BODY,
        /** Signed, but the amount is not a non-negative integer of minor units or the currency is unknown. */
        INVALID_AMOUNT
    }

    public WebhookRejected {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? reason.name() : detail;
    }

    public static WebhookRejected of(Reason reason, String detail) {
        return new WebhookRejected(reason, detail);
    }
}
