package io.hub.payments;

import io.hub.contracts.payments.WebhookOutcome;

/**
 * One vendor's webhook scheme: verify the raw delivery, then parse and map it. The hub's webhook route calls
 * {@link #receive} with the HTTP headers and the body exactly as received, stores a
 * {@link io.hub.contracts.payments.VerifiedWebhook} in its inbox and answers 2xx, or answers 400/401 for a
 * {@link io.hub.contracts.payments.WebhookRejected} (payments.md §0, §2).
 *
 * <p>Implementations are immutable and thread-safe; they never throw for bad input.
 */
public interface WebhookAdapter {

    /** The vendor / scheme name used as the inbox's vendor column, e.g. {@code "stripe"}. */
    String vendor();

    /**
     * Verifies and maps one delivery.
     *
     * @param headers the request headers (names case-insensitive)
     * @param rawBody the request body bytes exactly as received: never a re-serialised or re-decoded body
     * @return a verified webhook, or a rejection; the body is parsed only after the signature and timestamp passed
     */
    WebhookOutcome receive(WebhookHeaders headers, byte[] rawBody);
}
