package io.hub.contracts.providers;

import java.util.Objects;

/**
 * One HTTP call the hub makes to an external provider (game launch, catalogue), as handed to the
 * {@code provider-http} route. The route sends it as is; timeouts, retries, the circuit breaker and the bulkhead are
 * applied around the route by the caller.
 *
 * @param providerId  the onboarded provider's id (for logs and metrics)
 * @param operation   what the call does, e.g. {@code launch} or {@code catalogue} (the {@code operation} metric tag)
 * @param method      {@code GET} or {@code POST}
 * @param url         absolute {@code http(s)} URL, query string included
 * @param contentType the body's media type, or null without a body
 * @param body        the request body (UTF-8 text), or null
 */
public record OutboundCall(String providerId, String operation, String method, String url, String contentType, String body) {
    public OutboundCall {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!method.equals("GET") && !method.equals("POST")) throw new IllegalArgumentException("method must be GET or POST");
        if (!url.startsWith("http://") && !url.startsWith("https://")) throw new IllegalArgumentException("url must be http(s)");
    }

    /** GET calls are idempotent and may be retried; a POST (launch) is not. */
    public boolean idempotent() {
        return method.equals("GET");
    }
}
