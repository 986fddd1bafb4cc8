package io.hub.contracts.payments;

import java.util.Map;

/**
 * The hub's side of the webhook intake routes ({@code io.hub.routes.PaymentWebhookRoute}): verify a delivery on its
 * raw bytes, store it in the inbox, answer at once; process the inbox later (payments.md §0, §2 "verify → persist →
 * ack → process").
 */
public interface WebhookIntakePort {

    /** Channel of {@code POST /webhooks/payments/{gatewayId}}. */
    String PAYMENTS = "payments";
    /** Channel of {@code POST /webhooks/kyc/{vendorId}}. */
    String KYC = "kyc";

    /**
     * The HTTP answer to a delivery.
     *
     * @param status 200 stored (or a duplicate: no-op), 400 malformed/stale/missing header, 401 bad signature, 404 only
     *               for an endpoint id that is not configured (never for an unknown payment), 503 when the inbox write failed
     * @param body   JSON text, e.g. {@code {"received":true,"duplicate":false}} or {@code {"error":"BAD_SIGNATURE","message":"…"}}
     */
    record Answer(int status, String body) {
    }

    /**
     * Verifies and stores one delivery. Never throws for bad input.
     *
     * @param channel    {@link #PAYMENTS} or {@link #KYC}
     * @param endpointId the gateway / vendor id from the URL
     * @param headers    the HTTP request headers (values are strings or lists of strings)
     * @param rawBody    the body bytes exactly as received
     */
    Answer receive(String channel, String endpointId, Map<String, Object> headers, byte[] rawBody);

    /**
     * Processes up to {@code max} stored events that are due (new ones, and unmatched or deferred ones whose retry time
     * has come), each in its own database transaction; also resumes stuck gateway submissions.
     *
     * @return how many events were processed (matched, deferred or ignored)
     */
    int processInbox(int max);
}
