package io.hub.payments.stripe;

import com.stripe.net.Webhook;
import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookSubject;
import io.hub.payments.WebhookHeaders;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.hub.payments.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every Stripe event type / object status the table lists, through the whole adapter. */
class StripeStatusTableTest {
    static final long NOW = 1_800_000_000L;
    static final String SECRET = "whsec_table";

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("payment_intent.created", "payment_intent", "requires_payment_method", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment_intent.processing", "payment_intent", "processing", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment_intent.requires_action", "payment_intent", "requires_action", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment_intent.amount_capturable_updated", "payment_intent", "requires_capture", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment_intent.partially_funded", "payment_intent", "requires_payment_method", WebhookSubject.PAYMENT, PaymentStatus.PENDING),
                Arguments.of("payment_intent.succeeded", "payment_intent", "succeeded", WebhookSubject.PAYMENT, PaymentStatus.SUCCEEDED),
                Arguments.of("payment_intent.payment_failed", "payment_intent", "requires_payment_method", WebhookSubject.PAYMENT, PaymentStatus.FAILED),
                Arguments.of("payment_intent.canceled", "payment_intent", "canceled", WebhookSubject.PAYMENT, PaymentStatus.CANCELED),
                Arguments.of("charge.refunded", "charge", "succeeded", WebhookSubject.REFUND, PaymentStatus.REFUNDED),
                Arguments.of("refund.created", "refund", "pending", WebhookSubject.REFUND, PaymentStatus.PENDING),
                Arguments.of("refund.created", "refund", "succeeded", WebhookSubject.REFUND, PaymentStatus.REFUNDED),
                Arguments.of("refund.updated", "refund", "requires_action", WebhookSubject.REFUND, PaymentStatus.PENDING),
                Arguments.of("refund.updated", "refund", "succeeded", WebhookSubject.REFUND, PaymentStatus.REFUNDED),
                Arguments.of("refund.updated", "refund", "failed", WebhookSubject.REFUND, PaymentStatus.FAILED),
                Arguments.of("refund.updated", "refund", "canceled", WebhookSubject.REFUND, PaymentStatus.CANCELED),
                Arguments.of("refund.updated", "refund", "something_new", WebhookSubject.REFUND, PaymentStatus.IGNORED),
                Arguments.of("charge.refund.updated", "refund", "succeeded", WebhookSubject.REFUND, PaymentStatus.REFUNDED),
                Arguments.of("refund.failed", "refund", "failed", WebhookSubject.REFUND, PaymentStatus.FAILED),
                Arguments.of("charge.dispute.created", "dispute", "needs_response", WebhookSubject.DISPUTE, PaymentStatus.DISPUTED),
                Arguments.of("charge.dispute.updated", "dispute", "under_review", WebhookSubject.DISPUTE, PaymentStatus.DISPUTED),
                Arguments.of("charge.dispute.funds_withdrawn", "dispute", "needs_response", WebhookSubject.DISPUTE, PaymentStatus.CHARGED_BACK),
                Arguments.of("charge.dispute.funds_reinstated", "dispute", "won", WebhookSubject.DISPUTE, PaymentStatus.REVERSED),
                Arguments.of("charge.dispute.closed", "dispute", "won", WebhookSubject.DISPUTE, PaymentStatus.REVERSED),
                Arguments.of("charge.dispute.closed", "dispute", "warning_closed", WebhookSubject.DISPUTE, PaymentStatus.REVERSED),
                Arguments.of("charge.dispute.closed", "dispute", "lost", WebhookSubject.DISPUTE, PaymentStatus.CHARGED_BACK),
                Arguments.of("charge.dispute.closed", "dispute", "under_review", WebhookSubject.DISPUTE, PaymentStatus.IGNORED),
                Arguments.of("payout.created", "payout", "pending", WebhookSubject.PAYOUT, PaymentStatus.PENDING),
                Arguments.of("payout.updated", "payout", "pending", WebhookSubject.PAYOUT, PaymentStatus.PENDING),
                Arguments.of("payout.updated", "payout", "in_transit", WebhookSubject.PAYOUT, PaymentStatus.PENDING),
                Arguments.of("payout.updated", "payout", "paid", WebhookSubject.PAYOUT, PaymentStatus.PAID),
                Arguments.of("payout.updated", "payout", "failed", WebhookSubject.PAYOUT, PaymentStatus.FAILED),
                Arguments.of("payout.updated", "payout", "canceled", WebhookSubject.PAYOUT, PaymentStatus.CANCELED),
                Arguments.of("payout.paid", "payout", "paid", WebhookSubject.PAYOUT, PaymentStatus.PAID),
                Arguments.of("payout.failed", "payout", "failed", WebhookSubject.PAYOUT, PaymentStatus.FAILED),
                Arguments.of("payout.canceled", "payout", "canceled", WebhookSubject.PAYOUT, PaymentStatus.CANCELED),
                Arguments.of("payout.reconciliation_completed", "payout", "paid", WebhookSubject.PAYOUT, PaymentStatus.IGNORED),
                Arguments.of("customer.created", "customer", "", WebhookSubject.OTHER, PaymentStatus.IGNORED),
                Arguments.of("invoice.paid", "invoice", "paid", WebhookSubject.OTHER, PaymentStatus.IGNORED),
                Arguments.of("payment_intent.some_future_event", "payment_intent", "succeeded", WebhookSubject.OTHER, PaymentStatus.IGNORED));
    }

    @ParameterizedTest(name = "{0} [{2}] -> {4}")
    @MethodSource("rows")
    void mapsThroughTheAdapter(String type, String object, String status, WebhookSubject subject, PaymentStatus expected)
            throws Exception {
        String body = "{\"id\":\"evt_t\",\"type\":\"" + type + "\",\"created\":1799999999,\"data\":{\"object\":"
                + "{\"id\":\"obj_1\",\"object\":\"" + object + "\",\"amount\":100,\"currency\":\"eur\""
                + (status.isEmpty() ? "" : ",\"status\":\"" + status + "\"") + "}}}";
        var adapter = new StripeWebhookAdapter(StripeSettings.of(SECRET).withClock(clockAt(NOW)));
        VerifiedWebhook w = verified(adapter.receive(
                WebhookHeaders.of("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body, SECRET, NOW)),
                utf8(body)));
        assertThat(w.status()).isEqualTo(expected);
        assertThat(w.subject()).isEqualTo(subject);
    }

    @Test
    void everyListedTypeHasARowAndEveryStatusThatStripeCanReportIsReachable() {
        Set<String> tested = new HashSet<>();
        Set<PaymentStatus> reached = new HashSet<>();
        rows().forEach(a -> {
            tested.add((String) a.get()[0]);
            reached.add((PaymentStatus) a.get()[4]);
        });
        assertThat(tested).containsAll(StripeStatusTable.supportedEventTypes());
        // RETURNED comes from the hub's state machine (FAILED after PAID), not from a Stripe event type
        assertThat(reached).containsAll(Set.of(PaymentStatus.values()).stream()
                .filter(s -> s != PaymentStatus.RETURNED).toList());
    }
}
