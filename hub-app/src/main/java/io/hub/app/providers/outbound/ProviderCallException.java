package io.hub.app.providers.outbound;

/**
 * An outbound call to a provider that gave no usable answer. The operator and player APIs answer it as
 * {@code {"error":<code>,"message"}} with {@link Kind#httpStatus}: 503 {@code PROVIDER_UNAVAILABLE} (circuit breaker
 * open, bulkhead full, provider disabled: nothing was sent), 504 {@code PROVIDER_TIMEOUT} (no answer in time),
 * 502 {@code PROVIDER_ERROR} (5xx, connection refused, an answer the hub cannot read, or a refusal).
 */
public class ProviderCallException extends RuntimeException {
    /** What went wrong, with the HTTP status and error code the hub answers with. */
    public enum Kind {
        UNAVAILABLE(503, "PROVIDER_UNAVAILABLE"), TIMEOUT(504, "PROVIDER_TIMEOUT"), ERROR(502, "PROVIDER_ERROR");

        public final int httpStatus;
        public final String code;

        Kind(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }
    }

    private final String providerId;
    private final Kind kind;
    private final boolean retryable;

    public ProviderCallException(String providerId, Kind kind, boolean retryable, String message) {
        super(message);
        this.providerId = providerId;
        this.kind = kind;
        this.retryable = retryable;
    }

    public String providerId() {
        return providerId;
    }

    public Kind kind() {
        return kind;
    }

    /** A transport failure or 5xx of an idempotent call, worth another attempt. */
    public boolean retryable() {
        return retryable;
    }
}
