package io.hub.contracts.wallet;

import java.util.Map;
import java.util.Objects;

/**
 * A seamless-wallet callback exactly as it arrived over HTTP at {@code POST /wallet/{providerId}/{operation}}:
 * the raw body bytes (never parsed or re-encoded before the adapter verifies them), the headers and the query
 * parameters (parsed from the query string only, never from a form body).
 *
 * @param providerId the path segment after {@code /wallet/}
 * @param operation  the rest of the path without the leading slash ({@code transaction/bet}, {@code bet.html},
 *                   {@code debit}), possibly empty
 * @param body       the raw request body
 * @param headers    request headers (first value of each)
 * @param query      query-string parameters (first value of each), e.g. Evolution's {@code authToken}
 */
public record ProviderCallback(String providerId, String operation, byte[] body, Map<String, String> headers,
                               Map<String, String> query) {
    public ProviderCallback {
        Objects.requireNonNull(providerId, "providerId");
        operation = operation == null ? "" : operation;
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        query = query == null ? Map.of() : Map.copyOf(query);
    }
}
