package io.hub.contracts.payments;

/** What a verified webhook is about: tells the hub which record {@link VerifiedWebhook#reference()} names. */
public enum WebhookSubject {
    /** A deposit: the reference is the PSP's payment id (Stripe PaymentIntent {@code pi_…}). */
    PAYMENT,
    /** A refund of a deposit: the reference is the original payment id when the vendor sends it. */
    REFUND,
    /** A dispute / chargeback of a deposit: the reference is the original payment id when sent. */
    DISPUTE,
    /** A payout (withdrawal): the reference is the PSP's payout id. */
    PAYOUT,
    /** A KYC applicant: the reference is the vendor's applicant id. */
    APPLICANT,
    /** An event about something else (unknown or ignored types); the reference may be absent. */
    OTHER
}
