package io.hub.contracts.providers;

import java.util.Objects;

/**
 * One HTTP call the hub makes to an external provider (game launch, catalogue), as handed to the
 * {@code provider-http} route. The route sends it as is, with the call's own connect and read time-outs; retries, the
 * circuit breaker and the bulkhead are applied around the route by the caller.
 *
 * @param providerId       the onboarded provider's id (for logs and metrics)
 * @param operation        what the call does, e.g. {@code launch} or {@code catalogue} (the {@code operation} metric tag)
 * @param method           {@code GET} or {@code POST}
 * @param url              absolute {@code http(s)} URL, query string included
 * @param contentType      the body's media type, or null without a body
 * @param body             the request body (UTF-8 text), or null
 * @param connectTimeoutMs milliseconds to establish the connection, or 0 for the HTTP component's default
 * @param readTimeoutMs    milliseconds the provider may stay silent while the answer is awaited or read (a time-out
 *                         between two reads, not for the whole answer), or 0 for the HTTP component's default
 */
public record OutboundCall(String providerId, String operation, String method, String url, String contentType, String body,
                           long connectTimeoutMs, long readTimeoutMs) {
    public OutboundCall {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!method.equals("GET") && !method.equals("POST")) throw new IllegalArgumentException("method must be GET or POST");
        if (!url.startsWith("http://") && !url.startsWith("https://")) throw new IllegalArgumentException("url must be http(s)");
        if (connectTimeoutMs < 0 || readTimeoutMs < 0) throw new IllegalArgumentException("time-outs cannot be negative");
    }

    /** A call with the HTTP component's default time-outs. */
    public OutboundCall(String providerId, String operation, String method, String url, String contentType, String body) {
        this(providerId, operation, method, url, contentType, body, 0, 0);
    }

    /** The same call with these time-outs (milliseconds; 0 = the component's default). */
    public OutboundCall withTimeouts(long connectTimeoutMs, long readTimeoutMs) {
        return new OutboundCall(providerId, operation, method, url, contentType, body, connectTimeoutMs, readTimeoutMs);
    }

    /** GET calls are idempotent and may be retried; a POST (launch) is not. */
    public boolean idempotent() {
        return method.equals("GET");
    }
}
