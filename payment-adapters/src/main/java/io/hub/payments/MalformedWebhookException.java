package io.hub.payments;

import io.hub.contracts.payments.WebhookRejected;

/**
 * Thrown inside an adapter by message parsing and mapping when a <em>verified</em> body is not usable;
 * the adapter turns it into a {@link WebhookRejected} ({@code MALFORMED_BODY} or {@code INVALID_AMOUNT}).
 * It never leaves {@link WebhookAdapter#receive}.
 */
public final class MalformedWebhookException extends RuntimeException {
    private final WebhookRejected.Reason reason;

    public MalformedWebhookException(WebhookRejected.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public static MalformedWebhookException body(String message) {
        return new MalformedWebhookException(WebhookRejected.Reason.MALFORMED_BODY, message);
    }

    public static MalformedWebhookException amount(String message) {
        return new MalformedWebhookException(WebhookRejected.Reason.INVALID_AMOUNT, message);
    }

    public WebhookRejected toRejection() {
        return WebhookRejected.of(reason, getMessage());
    }
}
