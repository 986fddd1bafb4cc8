package io.hub.contracts.lobby;

import io.hub.contracts.RejectedException;

/**
 * What the lobby routes call, implemented by the hub application. Each step either returns its result or
 * throws {@link RejectedException}; nothing is written before {@link #reserve}.
 */
public interface LobbyPort {
    /** Parses a frame. @throws RejectedException INVALID_MESSAGE, UNKNOWN_ACTION, MISSING_FIELD */
    LobbyMessage decode(LobbyFrame frame);

    /** Checks rate limits, game, amount and limits. @throws RejectedException with the matching code */
    SpinCommand validate(LobbyMessage.Spin spin);

    /**
     * Reserves the bet as a pending hold, idempotent on (player, requestId). Returns a {@link SpinReservation},
     * or the stored {@link LobbyReply.SpinResult} when this requestId already completed (a retry never spins twice).
     *
     * @throws RejectedException INSUFFICIENT_FUNDS, IDEMPOTENCY_CONFLICT
     */
    Object reserve(SpinCommand command);

    /** Draws the outcome from the in-house game with the certified RNG (or returns the stored draw of this round). */
    SpinDraw draw(SpinReservation reservation);

    /** Posts the bet and the win against the hold in one ledger transaction; returns the answer (stored for replays). */
    LobbyReply.SpinResult settle(SpinDraw draw);

    /** The player's current balance. */
    LobbyReply.Balance balance(LobbyMessage.Balance request);

    /** Serialises a reply to the JSON text frame. */
    String encode(LobbyReply reply);
}
