package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;

/**
 * Undo a bet (rollback / refund / cancel). The ledger credits the <em>stored</em> stake, never
 * {@code claimedAmount} (providers.md §3 scenario 13); what it answers for an unknown bet, a settled bet or a partial
 * amount is the provider's policy (§5.3). Sources: Hub88 {@code /transaction/rollback}; Pragmatic {@code refund.html};
 * Evolution {@code cancel}.
 *
 * @param transactionId the rollback's own id (Hub88 {@code transaction_uuid}, Evolution {@code transaction.id}), or
 *                      null when the protocol has none (Pragmatic: one refund per bet, keyed by {@code betRef})
 * @param betRef        the bet to undo (Hub88 {@code reference_transaction_uuid}, PP {@code reference},
 *                      Evolution {@code transaction.refId})
 * @param claimedAmount the amount the provider sent, informational only, or null
 * @param roundClosed   Hub88 {@code round_closed}
 */
public record Rollback(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                       String roundId, String transactionId, String betRef, Money claimedAmount,
                       boolean roundClosed) implements WalletCommand {
    public Rollback {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
        WalletCommand.require(betRef, "betRef");
    }
}
