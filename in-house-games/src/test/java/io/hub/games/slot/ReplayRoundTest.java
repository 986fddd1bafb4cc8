package io.hub.games.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.contracts.game.SpinOutcome;
import io.hub.games.InHouseGames;
import io.hub.games.rng.SeededRandomSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audit replay: stored stops re-evaluated through the engine give back what was paid, spin by spin. */
class ReplayRoundTest {
    private static final SlotGame ATKINS = InHouseGames.loadResource("games/atkins-diet.json");

    private static SlotRound roundWithFreeSpins() {
        SeededRandomSource rng = new SeededRandomSource(20261129L);
        for (int i = 0; i < 10_000; i++) {
            SlotRound r = ATKINS.playRound(rng, 40, 1);
            if (r.freeSpins().size() >= 10) return r;
        }
        throw new AssertionError("no free-spin round in 10,000 spins");
    }

    @Test
    void replayingStoredStopsGivesTheSamePayoutAndWins() {
        SlotRound played = roundWithFreeSpins();
        SlotRound replayed = ATKINS.replayRound(played.allStops(), 40, 1);
        assertThat(replayed.payoutMinor()).isEqualTo(played.payoutMinor());
        assertThat(replayed.wins()).isEqualTo(played.wins());
        assertThat(replayed.allSpins()).isEqualTo(played.allSpins());
        // per-spin detail: free spins carry the x3 multiplier and their own wins, summing to the payout (no cap hit)
        assertThat(played.freeSpins()).allSatisfy(s -> assertThat(s.multiplier()).isEqualTo(3));
        long sum = played.allSpins().stream().mapToLong(SlotRound.Spin::winMinor).sum();
        assertThat(sum).isEqualTo(played.payoutMinor());
        for (SlotRound.Spin s : played.allSpins()) {
            assertThat(s.wins().stream().mapToLong(SpinOutcome.Win::amountMinor).sum()).isEqualTo(s.winMinor());
        }
        SpinOutcome outcome = played.toOutcome();
        assertThat(outcome.spins()).hasSize(1 + played.freeSpins().size());
        assertThat(outcome.spins().get(1).index()).isEqualTo(1);
        assertThat(outcome.spins().get(1).stops()).isEqualTo(played.freeSpins().get(0).stops());
    }

    @Test
    void aMissingOrExtraFreeSpinIsRefused() {
        SlotRound played = roundWithFreeSpins();
        List<List<Integer>> missing = new ArrayList<>(played.allStops());
        missing.remove(missing.size() - 1);
        assertThatThrownBy(() -> ATKINS.replayRound(missing, 40, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more free spins");
        List<List<Integer>> extra = new ArrayList<>(played.allStops());
        extra.add(List.of(0, 0, 0, 0, 0));
        assertThatThrownBy(() -> ATKINS.replayRound(extra, 40, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are stored");
        assertThatThrownBy(() -> ATKINS.replayRound(List.of(List.of(1, 2, 3)), 40, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ATKINS.replayRound(List.of(List.of(0, 0, 0, 0, 99)), 40, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
