package io.hub.contracts.payments;

/**
 * The hub's own status for a verified vendor webhook: a {@link PaymentStatus} for payment-gateway events
 * (deposits, refunds, disputes, payouts) or a {@link KycStatus} for identity-verification events. Every
 * vendor event type / status a payment adapter supports maps to exactly one value (ARCHITECTURE.md,
 * payment-adapters: "every vendor status maps to one canonical status, exhaustively").
 *
 * <p>A canonical status says what the <em>event</em> reports; the hub's deposit, withdrawal and KYC state
 * machines (payments.md §5.2, §5.3) decide whether it changes anything (terminal states are sticky, late
 * events are recorded only).
 */
public sealed interface CanonicalStatus permits PaymentStatus, KycStatus {

    /** True when the event carries no state change for the hub (unknown or informational event types). */
    boolean ignored();
}
