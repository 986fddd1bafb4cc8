package io.hub.app.providers.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One game of a provider's catalogue (table {@code provider_game}).
 *
 * @param gameId     the provider's game code
 * @param category   slot, live, table, …
 * @param rtp        return to player as a fraction (0.965 = 96.5 %), or null when the provider does not say
 * @param demo       demo (fun) play supported
 * @param limits     bet limits per ISO 4217 currency, decimal strings in major units
 * @param enabled    false when an operator disabled the game (it is then not listed nor launchable)
 * @param syncedAt   when a sync last returned the game
 * @param delistedAt when a sync first no longer returned it (not listed, not launchable, no new bets), or null while
 *                   the provider lists it; a later sync listing it again clears it
 */
public record ProviderGame(String providerId, String gameId, String name, String category, BigDecimal rtp, String volatility,
                           boolean demo, Map<String, Limits> limits, boolean enabled, Instant syncedAt, Instant delistedAt) {
    /** Listed by the provider and enabled by the operator: shown in the lobby, launchable, bets accepted. */
    public boolean playable() {
        return enabled && delistedAt == null;
    }

    /** Bet limits in one currency: decimal strings in major units. */
    public record Limits(String minBet, String maxBet) {
    }
}
