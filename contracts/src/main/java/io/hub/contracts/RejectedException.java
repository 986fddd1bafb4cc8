package io.hub.contracts;

/**
 * A domain rejection with its {@link RejectionCode}. Thrown before anything is written, or inside the
 * database transaction it aborts, so a rejected request never leaves a partial write.
 */
public class RejectedException extends RuntimeException {
    private final RejectionCode code;

    public RejectedException(RejectionCode code) {
        this(code, code.defaultMessage());
    }

    public RejectedException(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
