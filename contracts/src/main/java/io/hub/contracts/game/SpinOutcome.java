package io.hub.contracts.game;

import java.util.List;

/**
 * One drawn game result.
 *
 * @param stops       the reel stop index drawn for each reel of the paid spin (what the RNG produced, for audit and replay)
 * @param window      the visible symbols of the paid spin, one list per reel, top row first
 * @param payoutMinor total win of the round in the bet's minor units (an exact integer product of the bet, never
 *                    rounded; free spins included; after any win cap)
 * @param wins        each paying combination that made up the payout
 * @param spins       every spin of the round in play order: index 0 is the paid spin, 1.. the free spins it
 *                    triggered; empty for a game that does not report spins one by one
 */
public record SpinOutcome(List<Integer> stops, List<List<String>> window, long payoutMinor, List<Win> wins, List<Spin> spins) {
    public SpinOutcome {
        stops = List.copyOf(stops);
        window = window.stream().map(List::copyOf).toList();
        wins = List.copyOf(wins);
        spins = spins == null ? List.of() : List.copyOf(spins);
        if (payoutMinor < 0) throw new IllegalArgumentException("negative payout");
    }

    /** An outcome without per-spin detail (a single-spin game, or a test double). */
    public SpinOutcome(List<Integer> stops, List<List<String>> window, long payoutMinor, List<Win> wins) {
        this(stops, window, payoutMinor, wins, List.of());
    }

    /**
     * One paying combination.
     *
     * @param description e.g. {@code "any bar x3 on line 1"}
     * @param multiplier  paid as multiplier x bet (for line games: x line bet)
     * @param amountMinor paid amount in minor units
     */
    public record Win(String description, long multiplier, long amountMinor) {
    }

    /**
     * One spin of a round (the paid spin or a free spin), as stored for audit replay.
     *
     * @param index      0 = the paid spin, 1.. = free spins in play order
     * @param stops      the stop drawn on each reel (0-based index into the reel strip)
     * @param window     visible symbols, one list per reel, top row first
     * @param multiplier the feature multiplier applied to this spin's wins (1 for the paid spin)
     * @param winMinor   this spin's win in minor units, multiplier applied, before the round's win cap
     * @param wins       this spin's paying combinations (multiplier applied)
     */
    public record Spin(int index, List<Integer> stops, List<List<String>> window, int multiplier, long winMinor, List<Win> wins) {
        public Spin {
            stops = List.copyOf(stops);
            window = window.stream().map(List::copyOf).toList();
            wins = List.copyOf(wins);
        }
    }
}
