package io.hub.app.providers.outbound;

/**
 * A refusal of the provider APIs (operator onboarding, game launch) with its own HTTP status and error code, answered
 * as {@code {"error":<code>,"message"}} (e.g. 404 UNKNOWN_PROVIDER, 409 VERSION_CONFLICT, 400 DEMO_NOT_SUPPORTED).
 */
public class ProviderApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ProviderApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
