package io.hub.providers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes to send back to the provider: HTTP status, content type, body and extra headers (Hub88: the
 * {@code X-Hub88-Signature} of the body).
 */
public record ProviderResponse(int httpStatus, String contentType, byte[] body, Map<String, String> headers) {
    public ProviderResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The body as UTF-8 text (for logs and tests). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
