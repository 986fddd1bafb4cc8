package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * A valid session: who it belongs to, the token to use from now on (a new one if the check rotated it), and the
 * balance (its currency is the session's currency).
 *
 * @param bonus the bonus balance, or null for none
 */
public record SessionResult(String playerId, String sessionToken, Money balance, Money bonus) implements WalletResult {
    public SessionResult {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(balance, "balance");
    }
}
