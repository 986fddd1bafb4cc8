package io.hub.providers.support;

import io.hub.contracts.wallet.WalletRejection;

/** Internal: a request refused while decoding; adapters turn it into their protocol's error answer. */
public final class BadRequest extends Exception {
    private final WalletRejection reason;
    private final boolean wrongType;

    public BadRequest(WalletRejection reason, String message) {
        this(reason, message, false);
    }

    private BadRequest(WalletRejection reason, String message, boolean wrongType) {
        super(message, null, false, false);
        this.reason = reason;
        this.wrongType = wrongType;
    }

    /** A field is present but of the wrong JSON type (Hub88 answers RS_ERROR_WRONG_TYPES, not WRONG_SYNTAX). */
    public static BadRequest wrongType(String field, String expected) {
        return new BadRequest(WalletRejection.INVALID_MESSAGE, field + " must be " + expected, true);
    }

    public boolean wrongType() {
        return wrongType;
    }

    public WalletRejection reason() {
        return reason;
    }
}
