package io.hub.providers;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A provider callback as received: the operation (the path after {@code /wallet/{providerId}/}, e.g.
 * {@code transaction/bet}, {@code bet.html}, {@code debit}), the raw body bytes (never re-serialised: signatures are
 * over these bytes), the HTTP headers (looked up case-insensitively) and the query parameters.
 */
public record InboundRequest(String operation, byte[] body, Map<String, String> headers, Map<String, String> query) {
    public InboundRequest {
        operation = operation == null ? "" : operation;
        body = body == null ? new byte[0] : body;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) h.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(h);
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public static InboundRequest of(String operation, byte[] body) {
        return new InboundRequest(operation, body, Map.of(), Map.of());
    }

    /** A header value (case-insensitive name), or null. */
    public String header(String name) {
        Objects.requireNonNull(name);
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
