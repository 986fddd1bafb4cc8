package io.hub.contracts.payments;

/**
 * The result of receiving one webhook delivery: either {@link VerifiedWebhook} (signature, timestamp and body
 * checked, status mapped) or {@link WebhookRejected} (with a reason). Payment adapters never throw for bad
 * input; they return a rejection.
 */
public sealed interface WebhookOutcome permits VerifiedWebhook, WebhookRejected {
}
