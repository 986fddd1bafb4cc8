package io.hub.payments.standardwebhooks;

import io.hub.contracts.payments.PaymentStatus;
import io.hub.contracts.payments.WebhookSubject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.hub.contracts.payments.PaymentStatus.*;

/**
 * Event type → canonical {@link PaymentStatus} for the hub's Standard-Webhooks payment payload
 * ({@link StandardWebhooksMessages}); the type alone decides. Types follow the spec's {@code <noun>.<verb>}
 * naming; states follow payments.md §5.2.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>type</th><th>subject</th><th>status</th></tr>
 * <tr><td>payment.created, payment.pending, payment.processing</td><td>PAYMENT</td><td>PENDING</td></tr>
 * <tr><td>payment.succeeded / payment.failed / payment.canceled</td><td>PAYMENT</td><td>SUCCEEDED / FAILED / CANCELED</td></tr>
 * <tr><td>refund.pending / refund.succeeded / refund.failed</td><td>REFUND</td><td>PENDING / REFUNDED / FAILED</td></tr>
 * <tr><td>dispute.created / dispute.lost / dispute.won</td><td>DISPUTE</td><td>DISPUTED / CHARGED_BACK / REVERSED</td></tr>
 * <tr><td>payout.pending / payout.paid / payout.failed / payout.canceled / payout.returned</td><td>PAYOUT</td>
 *     <td>PENDING / PAID / FAILED / CANCELED / RETURNED</td></tr>
 * <tr><td>anything else</td><td>OTHER</td><td>IGNORED</td></tr>
 * </table>
 */
public final class StandardWebhooksStatusTable {

    /** One row: subject and status. */
    public record Rule(WebhookSubject subject, PaymentStatus status) {
    }

    private static final Map<String, Rule> RULES;

    static {
        Map<String, Rule> r = new LinkedHashMap<>();
        var pay = WebhookSubject.PAYMENT;
        r.put("payment.created", new Rule(pay, PENDING));
        r.put("payment.pending", new Rule(pay, PENDING));
        r.put("payment.processing", new Rule(pay, PENDING));
        r.put("payment.succeeded", new Rule(pay, SUCCEEDED));
        r.put("payment.failed", new Rule(pay, FAILED));
        r.put("payment.canceled", new Rule(pay, CANCELED));
        var refund = WebhookSubject.REFUND;
        r.put("refund.pending", new Rule(refund, PENDING));
        r.put("refund.succeeded", new Rule(refund, REFUNDED));
        r.put("refund.failed", new Rule(refund, FAILED));
        var dispute = WebhookSubject.DISPUTE;
        r.put("dispute.created", new Rule(dispute, DISPUTED));
        r.put("dispute.lost", new Rule(dispute, CHARGED_BACK));
        r.put("dispute.won", new Rule(dispute, REVERSED));
        var payout = WebhookSubject.PAYOUT;
        r.put("payout.pending", new Rule(payout, PENDING));
        r.put("payout.paid", new Rule(payout, PAID));
        r.put("payout.failed", new Rule(payout, FAILED));
        r.put("payout.canceled", new Rule(payout, CANCELED));
        r.put("payout.returned", new Rule(payout, RETURNED));
        RULES = Map.copyOf(r);
    }

    private static final Rule UNKNOWN = new Rule(WebhookSubject.OTHER, IGNORED);

    private StandardWebhooksStatusTable() {
    }

    /** The rule for a type; unknown types → OTHER / IGNORED. */
    public static Rule ruleFor(String type) {
        return RULES.getOrDefault(type, UNKNOWN);
    }

    public static boolean supports(String type) {
        return RULES.containsKey(type);
    }

    public static Set<String> supportedEventTypes() {
        return RULES.keySet();
    }
}
