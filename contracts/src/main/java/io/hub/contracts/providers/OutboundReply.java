package io.hub.contracts.providers;

/**
 * The provider's HTTP answer to an {@link OutboundCall}: any status (the caller decides what a 4xx or 5xx means).
 *
 * @param status      HTTP status code
 * @param contentType the response's {@code Content-Type}, or null
 * @param body        the response body as UTF-8 text ("" when empty)
 */
public record OutboundReply(int status, String contentType, String body) {
    public OutboundReply {
        body = body == null ? "" : body;
    }
}
