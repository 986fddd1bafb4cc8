package io.hub.contracts.lobby;

import io.hub.contracts.game.SpinOutcome;

/**
 * A reservation with its drawn outcome, ready to settle.
 *
 * @param fairness the provably fair inputs the outcome was drawn from, or null when it was drawn otherwise
 */
public record SpinDraw(SpinReservation reservation, SpinOutcome outcome, SpinFairness fairness) {
    /** A draw without provably fair inputs. */
    public SpinDraw(SpinReservation reservation, SpinOutcome outcome) {
        this(reservation, outcome, null);
    }
}
