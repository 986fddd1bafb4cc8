package io.hub.contracts.game;

import java.util.List;

/**
 * One drawn game result.
 *
 * @param stops       the reel stop index drawn for each reel (what the RNG produced, for audit and replay)
 * @param window      the visible symbols, one list per reel, top row first
 * @param payoutMinor total win in the bet's minor units (an exact integer product of the bet, never rounded)
 * @param wins        each paying combination that made up the payout
 */
public record SpinOutcome(List<Integer> stops, List<List<String>> window, long payoutMinor, List<Win> wins) {
    public SpinOutcome {
        stops = List.copyOf(stops);
        window = window.stream().map(List::copyOf).toList();
        wins = List.copyOf(wins);
        if (payoutMinor < 0) throw new IllegalArgumentException("negative payout");
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
}
