package io.hub.contracts.payments;

import java.util.Objects;

/**
 * One call to a payment gateway's HTTP API, made by {@code io.hub.routes.GatewayCallRoute} (camel-http).
 *
 * @param url            absolute URL, e.g. {@code http://localhost:8089/v1/payments}
 * @param idempotencyKey sent as the {@code Idempotency-Key} header: the hub's deposit or withdrawal id, so a retried
 *                       call never creates a second payment or payout at the gateway
 * @param jsonBody       the JSON request body
 */
public record GatewayCall(String url, String idempotencyKey, String jsonBody) {
    public GatewayCall {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(jsonBody, "jsonBody");
    }

    /**
     * The gateway's answer.
     *
     * @param status HTTP status code
     * @param body   the response body as text (UTF-8), empty when none
     */
    public record Response(int status, String body) {
    }
}
