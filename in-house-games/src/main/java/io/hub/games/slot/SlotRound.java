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
     * @param multiplier       feature multiplier applied to this spin's wins (1 for the base spin)
     * @param wins             this spin's paying combinations (multiplier applied)
     */
    public record Spin(List<Integer> stops, List<List<String>> window, long winMinor, boolean triggersFreeSpins,
                       int multiplier, List<SpinOutcome.Win> wins) {
        public Spin {
            stops = List.copyOf(stops);
            window = window.stream().map(List::copyOf).toList();
            wins = List.copyOf(wins);
        }

        /** A spin without its win detail (multiplier 1, no wins listed). */
        public Spin(List<Integer> stops, List<List<String>> window, long winMinor, boolean triggersFreeSpins) {
            this(stops, window, winMinor, triggersFreeSpins, 1, List.of());
        }
    }

    /** Every spin in play order: the base spin, then the free spins. */
    public List<Spin> allSpins() {
        List<Spin> all = new java.util.ArrayList<>(1 + freeSpins.size());
        all.add(base);
        all.addAll(freeSpins);
        return all;
    }

    /** The stops of every spin in play order (index 0 = the base spin). */
    public List<List<Integer>> allStops() {
        return allSpins().stream().map(Spin::stops).toList();
    }

    /** The hub's view: base stops and window, all wins, total payout, and every spin in detail. */
    public SpinOutcome toOutcome() {
        List<Spin> all = allSpins();
        List<SpinOutcome.Spin> spins = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Spin s = all.get(i);
            spins.add(new SpinOutcome.Spin(i, s.stops(), s.window(), s.multiplier(), s.winMinor(), s.wins()));
        }
        return new SpinOutcome(base.stops(), base.window(), payoutMinor, wins, spins);
    }
}
