package io.hub.games.slot;

import io.hub.contracts.game.SpinOutcome;

import java.util.List;

/**
 * One complete round in full detail: the base spin plus every free spin it triggered, for audit and replay.
 * {@link #toOutcome()} gives the hub's {@link SpinOutcome} (base stops and window; all wins).
 *
 * @param coins       coins played (1 for line games)
 * @param unitMinor   coin value or line bet in minor units (bet / units)
 * @param base        the base spin
 * @param freeSpins   free spins in play order (empty when none were triggered)
 * @param wins        every paying combination, base first, free spins prefixed {@code "free spin n: "};
 *                    multipliers are x {@code unitMinor} (free-spin multiplier included)
 * @param payoutMinor total paid in minor units: the sum of {@code wins}, limited to the win cap
 * @param capped      whether the win cap reduced the payout
 */
public record SlotRound(int coins, long unitMinor, Spin base, List<Spin> freeSpins, List<SpinOutcome.Win> wins,
                        long payoutMinor, boolean capped) {
    public SlotRound {
        freeSpins = List.copyOf(freeSpins);
        wins = List.copyOf(wins);
    }

    /**
     * One spin of the round.
     *
     * @param stops            drawn stop per reel
     * @param window           visible symbols, one list per reel, top row first
     * @param winMinor         this spin's win in minor units (multiplier applied)
     * @param triggersFreeSpins whether this spin (re)triggered free spins
     */
    public record Spin(List<Integer> stops, List<List<String>> window, long winMinor, boolean triggersFreeSpins) {
        public Spin {
            stops = List.copyOf(stops);
            window = window.stream().map(List::copyOf).toList();
        }
    }

    /** The hub's view: base stops and window, all wins, total payout. */
    public SpinOutcome toOutcome() {
        return new SpinOutcome(base.stops(), base.window(), payoutMinor, wins);
    }
}
