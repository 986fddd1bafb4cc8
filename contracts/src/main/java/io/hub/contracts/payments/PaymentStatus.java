package io.hub.contracts.payments;

/**
 * Canonical status reported by a payment-gateway webhook (payments.md §5.1 vendor lifecycles, §5.2 hub state
 * machines). The adapter's status table maps each supported vendor event type (and, where the type alone
 * is not enough, the object's status) to one of these; unknown event types map to {@link #IGNORED}.
 */
public enum PaymentStatus implements CanonicalStatus {
    /** Created, awaiting the customer, 3DS, an asynchronous method or capture; no money moved yet. */
    PENDING,
    /** A deposit's funds are captured (Stripe {@code payment_intent.succeeded}). */
    SUCCEEDED,
    /** The payment or payout failed before money moved (a payout failing after PAID is the hub's RETURNED). */
    FAILED,
    /** Canceled by the merchant or the PSP before completion (Stripe {@code canceled}). */
    CANCELED,
    /** Money was (partly) refunded to the customer; the amount says how much. */
    REFUNDED,
    /** A dispute / chargeback notification was opened; funds may be held but are not yet withdrawn. */
    DISPUTED,
    /** The dispute was lost or the funds were withdrawn from the merchant. */
    CHARGED_BACK,
    /** A dispute was won / a chargeback reversed: withdrawn funds are reinstated. */
    REVERSED,
    /** A payout (withdrawal) reached the recipient according to the PSP. */
    PAID,
    /** A payout that was paid came back (e.g. Standard-Webhooks {@code payout.returned}). */
    RETURNED,
    /** An event type the hub does not act on, or does not know; stored, never an error. */
    IGNORED;

    @Override
    public boolean ignored() {
        return this == IGNORED;
    }
}
