package io.hub.payments.stripe;

import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.WebhookSubject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.hub.contracts.payments.PaymentStatus.*;

/**
 * Stripe event type (and, for {@code *.updated} / {@code charge.dispute.closed}, the object's {@code status})
 * → canonical {@link PaymentStatus}. Sources: PaymentIntent lifecycle
 * (docs.stripe.com/payments/paymentintents/lifecycle), Payout statuses (stripe.com/docs/api/payouts), Dispute
 * statuses (docs.stripe.com/api/disputes/object), payments.md §5.1–§5.2.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>event type</th><th>subject</th><th>status</th></tr>
 * <tr><td>payment_intent.created / processing / requires_action / amount_capturable_updated /
 *     partially_funded</td><td>PAYMENT</td><td>PENDING</td></tr>
 * <tr><td>payment_intent.succeeded</td><td>PAYMENT</td><td>SUCCEEDED</td></tr>
 * <tr><td>payment_intent.payment_failed</td><td>PAYMENT</td><td>FAILED</td></tr>
 * <tr><td>payment_intent.canceled</td><td>PAYMENT</td><td>CANCELED</td></tr>
 * <tr><td>charge.refunded</td><td>REFUND</td><td>REFUNDED (amount = {@code amount_refunded})</td></tr>
 * <tr><td>refund.created / refund.updated / charge.refund.updated</td><td>REFUND</td>
 *     <td>by refund status: pending, requires_action → PENDING; succeeded → REFUNDED; failed → FAILED;
 *     canceled → CANCELED</td></tr>
 * <tr><td>refund.failed</td><td>REFUND</td><td>FAILED</td></tr>
 * <tr><td>charge.dispute.created / updated</td><td>DISPUTE</td><td>DISPUTED</td></tr>
 * <tr><td>charge.dispute.funds_withdrawn</td><td>DISPUTE</td><td>CHARGED_BACK</td></tr>
 * <tr><td>charge.dispute.funds_reinstated</td><td>DISPUTE</td><td>REVERSED</td></tr>
 * <tr><td>charge.dispute.closed</td><td>DISPUTE</td><td>by dispute status: won, warning_closed → REVERSED;
 *     lost → CHARGED_BACK</td></tr>
 * <tr><td>payout.created</td><td>PAYOUT</td><td>PENDING</td></tr>
 * <tr><td>payout.updated</td><td>PAYOUT</td><td>by payout status: pending, in_transit → PENDING; paid → PAID;
 *     failed → FAILED; canceled → CANCELED</td></tr>
 * <tr><td>payout.paid / payout.failed / payout.canceled</td><td>PAYOUT</td><td>PAID / FAILED / CANCELED</td></tr>
 * <tr><td>payout.reconciliation_completed</td><td>PAYOUT</td><td>IGNORED</td></tr>
 * <tr><td>any other type, or a status not listed for a status-dependent type</td><td>(type's subject or
 *     OTHER)</td><td>IGNORED</td></tr>
 * </table>
 *
 * <p>A payout that fails after {@code paid} (Stripe: possible within 5 business days) arrives here as
 * FAILED; the hub's withdrawal state machine turns FAILED-after-PAID into RETURNED.
 */
public final class StripeStatusTable {

    /**
     * One row.
     *
     * @param subject  what the event is about
     * @param fixed    the status when the type alone decides
     * @param byStatus status of {@code data.object} → canonical status, when the type alone does not decide
     */
    public record Rule(WebhookSubject subject, Optional<PaymentStatus> fixed, Map<String, PaymentStatus> byStatus) {
        static Rule fixed(WebhookSubject subject, PaymentStatus status) {
            return new Rule(subject, Optional.of(status), Map.of());
        }

        static Rule byStatus(WebhookSubject subject, Map<String, PaymentStatus> table) {
            return new Rule(subject, Optional.empty(), Map.copyOf(table));
        }

        /** The canonical status for an object status (ignored when the rule is fixed). */
        public PaymentStatus statusFor(Optional<String> objectStatus) {
            return fixed.orElseGet(() -> objectStatus.map(byStatus::get).orElse(IGNORED));
        }
    }

    private static final Map<String, PaymentStatus> REFUND_STATUS = Map.of(
            "pending", PENDING, "requires_action", PENDING, "succeeded", REFUNDED,
            "failed", FAILED, "canceled", CANCELED);
    private static final Map<String, PaymentStatus> PAYOUT_STATUS = Map.of(
            "pending", PENDING, "in_transit", PENDING, "paid", PAID, "failed", FAILED, "canceled", CANCELED);
    private static final Map<String, PaymentStatus> DISPUTE_CLOSED_STATUS = Map.of(
            "won", REVERSED, "warning_closed", REVERSED, "lost", CHARGED_BACK);

    private static final Map<String, Rule> RULES;

    static {
        Map<String, Rule> r = new LinkedHashMap<>();
        var pay = WebhookSubject.PAYMENT;
        r.put("payment_intent.created", Rule.fixed(pay, PENDING));
        r.put("payment_intent.processing", Rule.fixed(pay, PENDING));
        r.put("payment_intent.requires_action", Rule.fixed(pay, PENDING));
        r.put("payment_intent.amount_capturable_updated", Rule.fixed(pay, PENDING));
        r.put("payment_intent.partially_funded", Rule.fixed(pay, PENDING));
        r.put("payment_intent.succeeded", Rule.fixed(pay, SUCCEEDED));
        r.put("payment_intent.payment_failed", Rule.fixed(pay, FAILED));
        r.put("payment_intent.canceled", Rule.fixed(pay, CANCELED));
        var refund = WebhookSubject.REFUND;
        r.put("charge.refunded", Rule.fixed(refund, REFUNDED));
        r.put("refund.created", Rule.byStatus(refund, REFUND_STATUS));
        r.put("refund.updated", Rule.byStatus(refund, REFUND_STATUS));
        r.put("charge.refund.updated", Rule.byStatus(refund, REFUND_STATUS));
        r.put("refund.failed", Rule.fixed(refund, FAILED));
        var dispute = WebhookSubject.DISPUTE;
        r.put("charge.dispute.created", Rule.fixed(dispute, DISPUTED));
        r.put("charge.dispute.updated", Rule.fixed(dispute, DISPUTED));
        r.put("charge.dispute.funds_withdrawn", Rule.fixed(dispute, CHARGED_BACK));
        r.put("charge.dispute.funds_reinstated", Rule.fixed(dispute, REVERSED));
        r.put("charge.dispute.closed", Rule.byStatus(dispute, DISPUTE_CLOSED_STATUS));
        var payout = WebhookSubject.PAYOUT;
        r.put("payout.created", Rule.fixed(payout, PENDING));
        r.put("payout.updated", Rule.byStatus(payout, PAYOUT_STATUS));
        r.put("payout.paid", Rule.fixed(payout, PAID));
        r.put("payout.failed", Rule.fixed(payout, FAILED));
        r.put("payout.canceled", Rule.fixed(payout, CANCELED));
        r.put("payout.reconciliation_completed", Rule.fixed(payout, IGNORED));
        RULES = Map.copyOf(r);
    }

    private static final Rule UNKNOWN = Rule.fixed(WebhookSubject.OTHER, IGNORED);

    private StripeStatusTable() {
    }

    /** The rule for an event type; unknown types get subject OTHER and status IGNORED (never an exception). */
    public static Rule ruleFor(String eventType) {
        return RULES.getOrDefault(eventType, UNKNOWN);
    }

    /** Whether the type is one the table lists. */
    public static boolean supports(String eventType) {
        return RULES.containsKey(eventType);
    }

    /** Every event type the table lists (for the exhaustive table test and the Stripe endpoint's event list). */
    public static Set<String> supportedEventTypes() {
        return RULES.keySet();
    }
}
