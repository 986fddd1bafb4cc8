/**
 * Canonical payment and KYC webhook types shared by {@code payment-adapters} (which produces them) and the
 * hub application (inbox, ledger postings, KYC state): {@link io.hub.contracts.payments.WebhookOutcome},
 * {@link io.hub.contracts.payments.PaymentStatus}, {@link io.hub.contracts.payments.KycStatus}.
 */
package io.hub.contracts.payments;
