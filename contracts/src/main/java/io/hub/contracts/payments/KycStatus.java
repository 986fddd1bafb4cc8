package io.hub.contracts.payments;

/**
 * Canonical status reported by a KYC vendor webhook (payments.md §5.3 "KYC gating"). Sumsub mapping:
 * {@code applicantReviewed} GREEN → {@link #APPROVED}, RED + RETRY → {@link #RETRY_REQUIRED}, RED + FINAL →
 * {@link #REJECTED}; pending / on-hold events → {@link #PENDING} / {@link #IN_REVIEW}. A vendor may send a
 * later RED after GREEN (Sumsub "receive verification results"): the hub's KYC state machine allows
 * APPROVED → REJECTED.
 */
public enum KycStatus implements CanonicalStatus {
    /** The applicant exists (or was reset) but has not submitted anything to review. */
    NOT_STARTED,
    /** Documents submitted; automatic checks are running. */
    PENDING,
    /** Verified: the player may gamble and withdraw (subject to AML holds). */
    APPROVED,
    /** Rejected, but the applicant may resubmit (Sumsub RED + RETRY). */
    RETRY_REQUIRED,
    /** Rejected for good (Sumsub RED + FINAL). Balances are not confiscated (UKGC guidance, payments.md §5.3). */
    REJECTED,
    /** Waiting for a manual review at the vendor (Sumsub on hold), or a review result the hub cannot classify. */
    IN_REVIEW,
    /** An event type that carries no KYC decision (unknown or informational); stored, never an error. */
    IGNORED;

    @Override
    public boolean ignored() {
        return this == IGNORED;
    }
}
