package io.hub.contracts.lobby;

import io.hub.contracts.game.SpinOutcome;

/** A reservation with its drawn outcome, ready to settle. */
public record SpinDraw(SpinReservation reservation, SpinOutcome outcome) {
}
