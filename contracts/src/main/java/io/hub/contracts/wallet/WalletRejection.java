package io.hub.contracts.wallet;

import io.hub.contracts.RejectionCode;

/**
 * Why a wallet command was refused. The first block mirrors {@link RejectionCode} one to one (same names, see
 * {@link #of(RejectionCode)}); the second block holds outcomes that only exist on the provider wallet path
 * (signatures, sessions, transaction references; providers.md §1 row 13, §4 "The hub's internal contract").
 * Every adapter has an exhaustive table from these to its protocol's codes.
 */
public enum WalletRejection {
    // --- mirrors of RejectionCode ---
    INVALID_MESSAGE, UNKNOWN_ACTION, MISSING_FIELD, UNKNOWN_GAME, INVALID_AMOUNT, BET_BELOW_MINIMUM, BET_ABOVE_LIMIT,
    INVALID_BET_STEP, INSUFFICIENT_FUNDS, CURRENCY_MISMATCH, IDEMPOTENCY_CONFLICT, RATE_LIMITED, PLAYER_BLOCKED,
    UNKNOWN_PLAYER, INTERNAL_ERROR,
    // --- provider-wallet only ---
    /** The request signature / hash / API token did not verify. */
    INVALID_SIGNATURE,
    /** No enabled provider with that id. */
    UNKNOWN_PROVIDER,
    /** The session token is unknown or was replaced (Evolution: an old sid after {@code check}). */
    INVALID_TOKEN,
    /** The session token expired. */
    TOKEN_EXPIRED,
    /** A win or rollback references a bet the wallet never saw (and the policy says to refuse). */
    TRANSACTION_NOT_FOUND,
    /** The referenced bet was rolled back (win after rollback, providers.md §3 scenario 6). */
    TRANSACTION_ROLLED_BACK,
    /** The referenced bet was already settled (cancel after settle, §3 scenario 7). */
    ALREADY_SETTLED,
    /** The round is closed: no more bets on it. */
    ROUND_CLOSED,
    /** The transaction id was already processed and the policy answers replays with the protocol's duplicate status. */
    TRANSACTION_EXISTS,
    /** The same transaction is being processed right now; the provider should retry. */
    OPERATION_IN_PROGRESS;

    /** The wallet rejection for a general domain rejection; total over {@link RejectionCode}. */
    public static WalletRejection of(RejectionCode code) {
        return valueOf(code.name());
    }
}
