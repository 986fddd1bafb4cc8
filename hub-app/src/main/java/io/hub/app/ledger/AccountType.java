package io.hub.app.ledger;

/**
 * Account type codes. Player accounts keep a cached balance (changed under a row lock in the same
 * transaction as their postings, never below zero); system accounts take postings without a balance row
 * update, so no single row is hot: their balances are derived from postings.
 */
public enum AccountType {
    /** The player's spendable money. */
    PLAYER_CASH(true),
    /** Money reserved by pending holds (a bet in flight, later a withdrawal). */
    PLAYER_HELD(true),
    /** The house's side of bets and wins (GGR accumulates here), sharded per currency to avoid a hot row. */
    HOUSE(false),
    /** Money owed to or by an external game provider. */
    PROVIDER_CLEARING(false),
    /** Money in transit with a payment gateway. */
    PSP_CLEARING(false),
    /** Counterpart of manual operator adjustments. */
    ADJUSTMENT(false);

    private final boolean tracked;

    AccountType(boolean tracked) {
        this.tracked = tracked;
    }

    /** Whether the account keeps a cached, non-negative balance. */
    public boolean tracked() {
        return tracked;
    }
}
