package io.hub.app.payments;

/**
 * A refusal of a payments request, answered as {@code {"error","message"}} with {@code status}: 400 INVALID_AMOUNT /
 * CURRENCY_MISMATCH / MISSING_FIELD / UNKNOWN_GATEWAY, 404 NOT_FOUND, 409 INVALID_STATE / KYC_NOT_APPROVED,
 * 422 INSUFFICIENT_FUNDS.
 */
public class PaymentProblem extends RuntimeException {
    private final int status;
    private final String error;

    public PaymentProblem(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
