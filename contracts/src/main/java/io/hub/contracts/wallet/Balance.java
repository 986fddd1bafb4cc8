package io.hub.contracts.wallet;

import io.hub.contracts.money.CurrencyUnit;

/**
 * Read the player's balance. Sources: Hub88 {@code /user/balance} ({@code user}, {@code token}, {@code currency},
 * {@code game_code}); Pragmatic {@code balance.html} ({@code userId}, {@code token}); Evolution {@code balance}
 * ({@code userId}, {@code sid}, {@code currency}, {@code game}). Answered with {@link BalanceResult}.
 *
 * @param currency the currency the provider expects, or null when the protocol does not send one (Pragmatic)
 */
public record Balance(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                      CurrencyUnit currency) implements WalletCommand {
    public Balance {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
    }
}
