package io.hub.providers;

import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.util.Optional;

/**
 * A port the hub implements: the wallet currency of a player as a provider names them. Needed by protocols whose
 * money fields carry no currency (Pragmatic {@code bet}, {@code result}, … send {@code amount} only; providers.md
 * §4 shape B), so that the decimal amount can be parsed exactly into {@link io.hub.contracts.money.Money}; and the
 * player's cash balance, for protocols whose every answer carries one (Evolution, §4 shape C) when a request is
 * refused before it reaches the wallet.
 */
@FunctionalInterface
public interface PlayerDirectory {
    /** The player's wallet currency, or empty when the provider's player id is unknown. */
    Optional<CurrencyUnit> currencyOf(String providerId, String playerId);

    /** The player's cash balance, or empty when the provider's player id is unknown (default: never known). */
    default Optional<Money> balanceOf(String providerId, String playerId) {
        return Optional.empty();
    }

    /** A directory that knows no player. */
    static PlayerDirectory none() {
        return (providerId, playerId) -> Optional.empty();
    }
}
