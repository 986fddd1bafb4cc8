package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * Debit a stake. Sources: Hub88 {@code /transaction/bet}; Pragmatic {@code bet.html}; Evolution {@code debit}.
 *
 * @param gameId        provider game code (Hub88 {@code game_code}, PP {@code gameId}, Evolution table id or game type)
 * @param roundId       provider round (Hub88 {@code round}, PP {@code roundId}, Evolution {@code game.id})
 * @param transactionId the business idempotency key of this debit (Hub88 {@code transaction_uuid}, PP {@code reference},
 *                      Evolution {@code transaction.id}); at most one money effect per key
 * @param betRef        the key later wins/rollbacks use to point at this bet (Hub88/PP: same as transactionId;
 *                      Evolution: {@code transaction.refId})
 * @param amount        the stake, exact, ≥ 0 (a free bet may be 0)
 * @param roundClosed   the provider says this debit closes the round (Hub88 {@code round_closed})
 * @param freeBet       a free bet paid by a campaign, not by the player (Hub88 {@code is_free}); the hub decides
 *                      whether it debits
 * @param promoRef      the free-bet/bonus reference if any (Hub88 {@code reward_uuid}, PP {@code bonusCode}), or null
 */
public record Bet(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                  String roundId, String transactionId, String betRef, Money amount, boolean roundClosed,
                  boolean freeBet, String promoRef) implements WalletCommand {
    public Bet {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
        WalletCommand.require(roundId, "roundId");
        WalletCommand.require(transactionId, "transactionId");
        WalletCommand.require(betRef, "betRef");
        Objects.requireNonNull(amount, "amount");
        if (amount.amountMinor() < 0) throw new IllegalArgumentException("a stake cannot be negative");
    }
}
