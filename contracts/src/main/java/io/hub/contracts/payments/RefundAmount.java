package io.hub.contracts.payments;

import java.util.Optional;

/**
 * How a REFUNDED event's {@link VerifiedWebhook#amount()} must be read, which the adapter that mapped it knows and says
 * in the attributes (vendors differ, and mixing the two readings refunds a deposit twice):
 * <ul>
 *   <li>{@link #INCREMENTAL}: the amount of <em>this one refund</em>; the adapter also sets {@link #REFUND_ID} (the
 *       vendor's refund id) so that several events about the same refund count it once, while different refunds add up
 *       (Stripe {@code refund.*} events carry a Refund object, whose {@code amount} is that refund's; the hub's
 *       Standard-Webhooks payload {@code refund.*}, {@code data.id} = the refund id).</li>
 *   <li>{@link #CUMULATIVE}: the payment's <em>total refunded so far</em> (Stripe {@code charge.refunded} carries the
 *       Charge, whose {@code amount_refunded} is cumulative), so a later event supersedes an earlier one and a replayed
 *       or out-of-order older one changes nothing.</li>
 * </ul>
 * An event without the attribute is read as INCREMENTAL; a REFUNDED event without an amount refunds whatever is left.
 */
public enum RefundAmount {
    INCREMENTAL,
    CUMULATIVE;

    /** The attribute that carries the basis: {@code "incremental"} or {@code "cumulative"}. */
    public static final String ATTRIBUTE = "refundAmount";
    /** The attribute that carries the vendor's refund id of an INCREMENTAL event. */
    public static final String REFUND_ID = "refundId";

    /** The attribute value. */
    public String attributeValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The basis an event's attribute names; INCREMENTAL when absent or unknown. */
    public static RefundAmount of(Optional<String> attributeValue) {
        return attributeValue.filter("cumulative"::equals).map(v -> CUMULATIVE).orElse(INCREMENTAL);
    }
}
