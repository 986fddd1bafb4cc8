package io.hub.contracts.lobby;

import io.hub.contracts.money.Money;
import java.util.UUID;

/**
 * A validated spin: the game exists, the bet is a positive amount in the wallet's currency within the
 * game's limits.
 *
 * @param requestId the client's idempotency key, unique per player
 */
public record SpinCommand(UUID playerId, String gameId, Money bet, String requestId) {
}
