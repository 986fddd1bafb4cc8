/**
 * The ledger: append-only double-entry transactions in integer minor units, idempotent on
 * (source, scope, external id), pending holds posted or voided by new transactions, and the outbox row of
 * every transaction written in the same database transaction. The only module that writes ledger tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = {"events"})
package io.hub.app.ledger;
