package io.hub.app.ledger;

/** An account the ledger knows: its id, type and ISO 4217 currency code. */
public record AccountRef(long id, AccountType type, String currency) {
}
