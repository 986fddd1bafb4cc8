package io.hub.providers;

import io.hub.contracts.money.CurrencyUnit;
import java.util.Optional;

/**
 * A port the hub implements: the wallet currency of a player as a provider names them. Needed by protocols whose
 * money fields carry no currency (Pragmatic {@code bet}, {@code result}, … send {@code amount} only; providers.md
 * §4 shape B), so that the decimal amount can be parsed exactly into {@link io.hub.contracts.money.Money}.
 */
@FunctionalInterface
public interface PlayerDirectory {
    /** The player's wallet currency, or empty when the provider's player id is unknown. */
    Optional<CurrencyUnit> currencyOf(String providerId, String playerId);
}
