package io.hub.app.payments;

/**
 * Processing an inbox event failed in a way no retry can fix (the event itself is wrong for the record it names): the
 * inbox parks it at once ({@link InboxParking}), rolled back, nothing posted. The message is stored as the event's
 * {@code last_error} and shown to operators, so it names amounts and ids, never a secret.
 *
 * <p>Codes: {@code CURRENCY_MISMATCH} (the event's amount is not in the deposit's currency), {@code REFUND_EXCEEDS_DEPOSIT}
 * (the refunds reported for a deposit add up to more than its amount).
 */
public class PermanentInboxFailure extends RuntimeException {
    private final String code;

    public PermanentInboxFailure(String code, String message) {
        super(code + ": " + message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
