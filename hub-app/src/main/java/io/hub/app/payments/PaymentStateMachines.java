package io.hub.app.payments;

import io.hub.contracts.payments.PaymentStatus;

/**
 * The hub's deposit and withdrawal state machines (payments.md §5.2), as pure functions of (current state, canonical
 * event status). Terminal states are sticky: a late event is recorded in the inbox and changes nothing (§7 #10). An
 * event that can only make sense later (a refund or dispute of a deposit whose success has not arrived yet, a payout
 * result for a withdrawal still on hold) is deferred and retried, so out-of-order deliveries end in the right state.
 */
public final class PaymentStateMachines {
    private PaymentStateMachines() {
    }

    /** Deposit states of the player API, the Kafka event and the {@code deposit} table. */
    public enum DepositState { PENDING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED, CHARGED_BACK, REVERSED }

    /** Withdrawal states of the player API. */
    public enum WithdrawalState { REQUESTED, ON_HOLD, SUBMITTED, PAID, FAILED, RETURNED, REJECTED, CANCELED }

    /** What a transition does to the ledger. */
    public enum Posting {
        NONE,
        /** PSP clearing → player cash: the deposit's amount. */
        CREDIT_DEPOSIT,
        /**
         * player cash (and, for what cash cannot cover, the player's receivable) → PSP clearing: what the refund adds
         * to the deposit's refunded total; the next state then follows from the amounts ({@link #afterRefund}).
         */
        DEBIT_REFUND,
        /** player cash (shortfall: the player's receivable) → PSP clearing: the deposit's amount not yet refunded. */
        DEBIT_CHARGEBACK,
        /** PSP clearing → the player's receivable (what is owed) then cash: the charged-back amount reinstated. */
        CREDIT_REINSTATED,
        /** post the withdrawal's hold: player held → PSP clearing. */
        PAY_OUT_HOLD,
        /** void the withdrawal's hold: player held → player cash. */
        RELEASE_HOLD,
        /** PSP clearing → player cash: a paid payout came back. */
        CREDIT_RETURNED
    }

    /**
     * The decision for one event.
     *
     * @param kind    APPLY (move to {@code next} and post), IGNORE (record only), DEFER (retry the event later)
     * @param next    the new state name when APPLY
     * @param posting the ledger effect when APPLY
     */
    public record Decision(Kind kind, String next, Posting posting) {
        public enum Kind { APPLY, IGNORE, DEFER }

        static Decision apply(Enum<?> next, Posting posting) {
            return new Decision(Kind.APPLY, next.name(), posting);
        }

        static final Decision IGNORE = new Decision(Kind.IGNORE, null, Posting.NONE);
        static final Decision DEFER = new Decision(Kind.DEFER, null, Posting.NONE);
    }

    /**
     * Deposit (payments.md §5.2): PENDING → SUCCEEDED (credit) | FAILED; SUCCEEDED | PARTIALLY_REFUNDED → REFUNDED
     * (debit; {@code next} is REFUNDED, which {@link #afterRefund} turns into PARTIALLY_REFUNDED while the refunded total is
     * below the deposit's amount) | DISPUTED | CHARGED_BACK (debit of what is not refunded); DISPUTED → CHARGED_BACK
     * (debit) | SUCCEEDED (dispute won; PARTIALLY_REFUNDED if part was refunded before, see {@link #afterDisputeWon});
     * CHARGED_BACK → REVERSED (re-credit). FAILED, REFUNDED and REVERSED are terminal. Refund / dispute / chargeback /
     * reversal events for a PENDING deposit are deferred.
     */
    public static Decision deposit(DepositState state, PaymentStatus event) {
        switch (state) {
            case PENDING:
                switch (event) {
                    case SUCCEEDED: return Decision.apply(DepositState.SUCCEEDED, Posting.CREDIT_DEPOSIT);
                    case FAILED: case CANCELED: return Decision.apply(DepositState.FAILED, Posting.NONE);
                    case REFUNDED: case DISPUTED: case CHARGED_BACK: case REVERSED: return Decision.DEFER;
                    default: return Decision.IGNORE;
                }
            case SUCCEEDED:
            case PARTIALLY_REFUNDED:
                switch (event) {
                    case REFUNDED: return Decision.apply(DepositState.REFUNDED, Posting.DEBIT_REFUND);
                    case DISPUTED: return Decision.apply(DepositState.DISPUTED, Posting.NONE);
                    case CHARGED_BACK: return Decision.apply(DepositState.CHARGED_BACK, Posting.DEBIT_CHARGEBACK);
                    default: return Decision.IGNORE;
                }
            case DISPUTED:
                switch (event) {
                    case CHARGED_BACK: return Decision.apply(DepositState.CHARGED_BACK, Posting.DEBIT_CHARGEBACK);
                    case REVERSED: return Decision.apply(DepositState.SUCCEEDED, Posting.NONE);
                    default: return Decision.IGNORE;
                }
            case CHARGED_BACK:
                return event == PaymentStatus.REVERSED ? Decision.apply(DepositState.REVERSED, Posting.CREDIT_REINSTATED) : Decision.IGNORE;
            default:
                return Decision.IGNORE;
        }
    }

    /**
     * The state after a refund brought the deposit's refunded total to {@code refundedMinor}: REFUNDED once the whole
     * {@code amountMinor} is refunded, else PARTIALLY_REFUNDED.
     *
     * @throws IllegalArgumentException for a total above the amount (the caller refuses such a refund before posting)
     */
    public static DepositState afterRefund(long amountMinor, long refundedMinor) {
        if (refundedMinor <= 0 || refundedMinor > amountMinor) {
            throw new IllegalArgumentException("refunded total " + refundedMinor + " outside 1.." + amountMinor);
        }
        return refundedMinor == amountMinor ? DepositState.REFUNDED : DepositState.PARTIALLY_REFUNDED;
    }

    /** The state a won dispute returns the deposit to: SUCCEEDED, or PARTIALLY_REFUNDED if part was refunded before. */
    public static DepositState afterDisputeWon(long refundedMinor) {
        return refundedMinor > 0 ? DepositState.PARTIALLY_REFUNDED : DepositState.SUCCEEDED;
    }

    /**
     * Withdrawal (payout events): REQUESTED | SUBMITTED → PAID (post the hold) | FAILED (void the hold); PAID → RETURNED
     * on a later failure or return (re-credit once, payments.md §5.1 "paid then failed"). Events for a withdrawal ON_HOLD
     * are deferred (it was never submitted; an operator decides first). FAILED, RETURNED, REJECTED and CANCELED (the
     * player took back a withdrawal ON_HOLD) are terminal.
     */
    public static Decision withdrawal(WithdrawalState state, PaymentStatus event) {
        switch (state) {
            case REQUESTED:
            case SUBMITTED:
                switch (event) {
                    case PAID: return Decision.apply(WithdrawalState.PAID, Posting.PAY_OUT_HOLD);
                    case FAILED: case CANCELED: case RETURNED: return Decision.apply(WithdrawalState.FAILED, Posting.RELEASE_HOLD);
                    default: return Decision.IGNORE;
                }
            case ON_HOLD:
                return event == PaymentStatus.PAID || event == PaymentStatus.FAILED || event == PaymentStatus.CANCELED
                        || event == PaymentStatus.RETURNED ? Decision.DEFER : Decision.IGNORE;
            case PAID:
                return event == PaymentStatus.FAILED || event == PaymentStatus.RETURNED
                        ? Decision.apply(WithdrawalState.RETURNED, Posting.CREDIT_RETURNED) : Decision.IGNORE;
            default:
                return Decision.IGNORE;
        }
    }
}
