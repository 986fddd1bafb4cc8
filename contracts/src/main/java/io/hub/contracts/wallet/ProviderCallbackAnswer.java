package io.hub.contracts.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP answer to a {@link ProviderCallback}, already in the provider's protocol: status, content type, the body
 * bytes the adapter produced (sent verbatim) and extra headers (Hub88: the hub's {@code X-Hub88-Signature}).
 *
 * @param outcome {@code ok}, or the canonical rejection name ({@link WalletRejection}) for metrics and logs
 */
public record ProviderCallbackAnswer(int httpStatus, String contentType, byte[] body, Map<String, String> headers,
                                     String outcome) {
    public ProviderCallbackAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The body as UTF-8 text (tests, logs). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
