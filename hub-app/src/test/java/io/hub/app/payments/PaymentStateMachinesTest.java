package io.hub.app.payments;

import static io.hub.app.payments.PaymentStateMachines.Decision.Kind.APPLY;
import static io.hub.app.payments.PaymentStateMachines.Decision.Kind.DEFER;
import static io.hub.app.payments.PaymentStateMachines.Decision.Kind.IGNORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.payments.PaymentStateMachines.Decision;
import io.hub.app.payments.PaymentStateMachines.DepositState;
import io.hub.app.payments.PaymentStateMachines.Posting;
import io.hub.app.payments.PaymentStateMachines.WithdrawalState;
import io.hub.contracts.payments.PaymentStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Every (state, event) pair of both machines: the allowed transitions and their postings, sticky terminal states. */
class PaymentStateMachinesTest {

    private static Decision dep(DepositState s, PaymentStatus e) {
        return PaymentStateMachines.deposit(s, e);
    }

    private static Decision wd(WithdrawalState s, PaymentStatus e) {
        return PaymentStateMachines.withdrawal(s, e);
    }

    @Test
    void deposit_transitions_and_postings() {
        assertThat(dep(DepositState.PENDING, PaymentStatus.SUCCEEDED)).isEqualTo(new Decision(APPLY, "SUCCEEDED", Posting.CREDIT_DEPOSIT));
        assertThat(dep(DepositState.PENDING, PaymentStatus.FAILED)).isEqualTo(new Decision(APPLY, "FAILED", Posting.NONE));
        assertThat(dep(DepositState.PENDING, PaymentStatus.CANCELED)).isEqualTo(new Decision(APPLY, "FAILED", Posting.NONE));
        assertThat(dep(DepositState.SUCCEEDED, PaymentStatus.REFUNDED)).isEqualTo(new Decision(APPLY, "REFUNDED", Posting.DEBIT_REFUND));
        assertThat(dep(DepositState.SUCCEEDED, PaymentStatus.DISPUTED)).isEqualTo(new Decision(APPLY, "DISPUTED", Posting.NONE));
        assertThat(dep(DepositState.SUCCEEDED, PaymentStatus.CHARGED_BACK)).isEqualTo(new Decision(APPLY, "CHARGED_BACK", Posting.DEBIT_CHARGEBACK));
        assertThat(dep(DepositState.DISPUTED, PaymentStatus.CHARGED_BACK)).isEqualTo(new Decision(APPLY, "CHARGED_BACK", Posting.DEBIT_CHARGEBACK));
        assertThat(dep(DepositState.DISPUTED, PaymentStatus.REVERSED)).isEqualTo(new Decision(APPLY, "SUCCEEDED", Posting.NONE));
        assertThat(dep(DepositState.CHARGED_BACK, PaymentStatus.REVERSED)).isEqualTo(new Decision(APPLY, "REVERSED", Posting.CREDIT_REINSTATED));
        for (PaymentStatus e : EnumSet.of(PaymentStatus.REFUNDED, PaymentStatus.DISPUTED, PaymentStatus.CHARGED_BACK, PaymentStatus.REVERSED)) {
            assertThat(dep(DepositState.PENDING, e).kind()).as("%s before success waits", e).isEqualTo(DEFER);
        }
    }

    @Test
    void a_partially_refunded_deposit_takes_further_refunds_disputes_and_chargebacks() {
        assertThat(dep(DepositState.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)).isEqualTo(new Decision(APPLY, "REFUNDED", Posting.DEBIT_REFUND));
        assertThat(dep(DepositState.PARTIALLY_REFUNDED, PaymentStatus.DISPUTED)).isEqualTo(new Decision(APPLY, "DISPUTED", Posting.NONE));
        assertThat(dep(DepositState.PARTIALLY_REFUNDED, PaymentStatus.CHARGED_BACK))
                .isEqualTo(new Decision(APPLY, "CHARGED_BACK", Posting.DEBIT_CHARGEBACK));
        for (PaymentStatus e : EnumSet.of(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.CANCELED,
                PaymentStatus.REVERSED, PaymentStatus.PAID, PaymentStatus.RETURNED, PaymentStatus.IGNORED)) {
            assertThat(dep(DepositState.PARTIALLY_REFUNDED, e).kind()).as("PARTIALLY_REFUNDED + %s", e).isEqualTo(IGNORE);
        }
    }

    @Test
    void a_refund_is_partial_until_the_refunded_total_reaches_the_deposit_amount() {
        assertThat(PaymentStateMachines.afterRefund(10_013, 1)).isEqualTo(DepositState.PARTIALLY_REFUNDED);
        assertThat(PaymentStateMachines.afterRefund(10_013, 10_012)).isEqualTo(DepositState.PARTIALLY_REFUNDED);
        assertThat(PaymentStateMachines.afterRefund(10_013, 10_013)).isEqualTo(DepositState.REFUNDED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaymentStateMachines.afterRefund(10_013, 10_014))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaymentStateMachines.afterRefund(10_013, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PaymentStateMachines.afterDisputeWon(0)).isEqualTo(DepositState.SUCCEEDED);
        assertThat(PaymentStateMachines.afterDisputeWon(500)).isEqualTo(DepositState.PARTIALLY_REFUNDED);
    }

    @Test
    void deposit_terminal_states_are_sticky_and_nothing_credits_twice() {
        for (DepositState s : EnumSet.of(DepositState.FAILED, DepositState.REFUNDED, DepositState.REVERSED)) {
            for (PaymentStatus e : PaymentStatus.values()) assertThat(dep(s, e).kind()).as("%s + %s", s, e).isEqualTo(IGNORE);
        }
        for (DepositState s : DepositState.values()) {
            if (s == DepositState.PENDING) continue;
            assertThat(dep(s, PaymentStatus.SUCCEEDED).posting()).as("%s + SUCCEEDED", s).isEqualTo(Posting.NONE);
        }
        assertThat(dep(DepositState.SUCCEEDED, PaymentStatus.FAILED).kind()).isEqualTo(IGNORE);
    }

    @Test
    void withdrawal_transitions_and_postings() {
        for (WithdrawalState s : EnumSet.of(WithdrawalState.REQUESTED, WithdrawalState.SUBMITTED)) {
            assertThat(wd(s, PaymentStatus.PAID)).isEqualTo(new Decision(APPLY, "PAID", Posting.PAY_OUT_HOLD));
            assertThat(wd(s, PaymentStatus.FAILED)).isEqualTo(new Decision(APPLY, "FAILED", Posting.RELEASE_HOLD));
            assertThat(wd(s, PaymentStatus.CANCELED)).isEqualTo(new Decision(APPLY, "FAILED", Posting.RELEASE_HOLD));
            assertThat(wd(s, PaymentStatus.PENDING).kind()).isEqualTo(IGNORE);
        }
        assertThat(wd(WithdrawalState.PAID, PaymentStatus.FAILED)).isEqualTo(new Decision(APPLY, "RETURNED", Posting.CREDIT_RETURNED));
        assertThat(wd(WithdrawalState.PAID, PaymentStatus.RETURNED)).isEqualTo(new Decision(APPLY, "RETURNED", Posting.CREDIT_RETURNED));
        assertThat(wd(WithdrawalState.PAID, PaymentStatus.PAID).kind()).isEqualTo(IGNORE);
        assertThat(wd(WithdrawalState.ON_HOLD, PaymentStatus.PAID).kind()).isEqualTo(DEFER);
        for (WithdrawalState s : EnumSet.of(WithdrawalState.FAILED, WithdrawalState.RETURNED, WithdrawalState.REJECTED)) {
            for (PaymentStatus e : PaymentStatus.values()) assertThat(wd(s, e).kind()).as("%s + %s", s, e).isEqualTo(IGNORE);
        }
    }
}
