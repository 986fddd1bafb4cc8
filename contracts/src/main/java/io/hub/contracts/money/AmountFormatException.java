package io.hub.contracts.money;

/** A money string that the hub will not take: not a plain decimal, too many decimal places, or out of range. */
public final class AmountFormatException extends IllegalArgumentException {
    /** Why the amount was refused. */
    public enum Reason { MALFORMED, TOO_MANY_DECIMALS, OUT_OF_RANGE }

    private final Reason reason;

    public AmountFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
