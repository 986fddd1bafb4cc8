package io.hub.contracts.wallet;

/**
 * Validate a provider session token and report who it belongs to; optionally rotate it.
 *
 * <p>Sources: Pragmatic {@code authenticate.html} ({@code token}, {@code gameId}; {@code rotate=false});
 * Evolution {@code check} ({@code sid}, {@code userId}; {@code rotate=true}: the answer carries a new sid and the old
 * one must then fail with INVALID_SID, providers.md §4 shape C, §1 row 11). Answered with {@link SessionResult}.
 *
 * @param playerId null when the protocol identifies the player by token only (Pragmatic)
 * @param gameId   provider game code, or null
 */
public record SessionCheck(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                           boolean rotate) implements WalletCommand {
    public SessionCheck {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(sessionToken, "sessionToken");
    }
}
