package io.hub.contracts.wallet;

/**
 * Close a round explicitly. Repeatable: closing a closed round is a no-op (providers.md §1 row 14). Source:
 * Pragmatic {@code endRound.html} ({@code gameId}, {@code roundId}; its {@code win} is informational and not carried).
 * Answered with {@link BalanceResult}.
 */
public record RoundEnd(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                       String roundId) implements WalletCommand {
    public RoundEnd {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
        WalletCommand.require(roundId, "roundId");
    }
}
