/**
 * Payments and KYC (issue 4): the webhook inbox behind the intake routes, deposits and withdrawals with their state
 * machines (payments.md §5.2) posting to the ledger exactly once, KYC state per player with the {@link
 * io.hub.contracts.payments.KycGate} for bets, AML holds, the player API ({@code /payments/**}, {@code /kyc}), the
 * operator's withdrawal review ({@code /operator/withdrawals/**}), and the gateway client (camel-http behind a
 * Resilience4j circuit breaker). Events go through the outbox to {@code payments.deposits},
 * {@code payments.withdrawals} and {@code kyc.applicants}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments", allowedDependencies = {"ledger", "player", "auth", "web", "events"})
package io.hub.app.payments;
