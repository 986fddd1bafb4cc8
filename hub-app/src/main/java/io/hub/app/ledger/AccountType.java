package io.hub.app.ledger;

/**
 * Account type codes. Player accounts keep a cached balance (changed under a row lock in the same
 * transaction as their postings); system accounts take postings without a balance row update, so no single row is
 * hot: their balances are derived from postings.
 *
 * <p>Sign convention (every account): balance = sum of its signed postings, + credit, - debit. The player's cash and
 * held accounts are what the hub owes the player and never go below zero; the player's receivable is what the player
 * owes the hub and never goes above zero (a debit-normal account: it owes {@code -balance}). Both bounds are checked by
 * the ledger before a posting ({@link #allows}) and by the database ({@code account_player_non_negative},
 * {@code account_receivable_non_positive}, V10).
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
    ADJUSTMENT(false),
    /**
     * What the player owes the hub (payments.md §5.2 CHARGED_BACK "may go negative → lock account"): the part of a
     * chargeback or refund the player's cash could not cover. One per player and currency, opened on first use; its
     * balance is zero or negative and the player owes {@code -balance}. A later deposit or a reinstated chargeback pays
     * it back first; while it is below zero the player may not bet or withdraw.
     */
    PLAYER_RECEIVABLE(true);

    private final boolean tracked;

    AccountType(boolean tracked) {
        this.tracked = tracked;
    }

    /** Whether the account is a player's, with a cached balance kept under a row lock. */
    public boolean tracked() {
        return tracked;
    }

    /**
     * Whether a tracked account of this type may hold {@code balanceMinor}: cash and held never below zero, a
     * receivable never above zero (the hub never collects more than is owed). System accounts are not bounded.
     */
    public boolean allows(long balanceMinor) {
        if (!tracked) return true;
        return this == PLAYER_RECEIVABLE ? balanceMinor <= 0 : balanceMinor >= 0;
    }
}
