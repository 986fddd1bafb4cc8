package io.hub.games.slot;

import io.hub.contracts.game.RandomSource;
import io.hub.games.InHouseGames;
import io.hub.games.math.Fraction;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Weighted stops, wild and win cap on a tiny hand-checkable game. */
class EngineFeaturesTest {
    private static final String TINY = """
            {"format": "hub-slot/1", "gameId": "tiny", "name": "Tiny", "rows": 1,
             "symbols": ["A", "B", "W"],
             "reels": [["A", "B"], ["A", "B", "W"]],
             "stopWeights": [[3, 1], [1, 1, 2]],
             "bet": {"mode": "coins", "lobbyCoins": 1, "maxCoins": 1},
             "paylines": [[0, 0]],
             "wild": {"symbol": "W", "except": []},
             "paytable": [{"pattern": ["A", "A"], "pays": 10}, {"pattern": ["B", "B"], "pays": 4}]
             %s}
            """;

    private static SlotGame game(String extra) {
        return InHouseGames.load(new ByteArrayInputStream(TINY.formatted(extra).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns queued values and records the bounds asked for. */
    static final class Scripted implements RandomSource {
        final Deque<Integer> values = new ArrayDeque<>();
        final List<Integer> bounds = new ArrayList<>();

        Scripted(Integer... v) {
            values.addAll(List.of(v));
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return values.removeFirst();
        }
    }

    @Test
    void weightedStopsAreExactInTheMath() {
        SlotGame g = game("");
        // reel 1: A 3/4, B 1/4; reel 2: A 1/4, B 1/4, W 1/2. A then A|W = 9/16 pays 10; B then B|W = 3/16 pays 4
        ParSheet s = g.lobbyParSheet();
        assertThat(s.totalReturn()).isEqualTo(Fraction.of(102, 16));
        assertThat(s.enumeration().orElseThrow().hitFrequency()).isEqualTo(Fraction.of(3, 4));
        assertThat(s.enumeration().orElseThrow().combinations()).isEqualTo(16);
        assertThat(PayTableMath.analyze(g.engine(), 1).totalReturn()).isEqualTo(s.totalReturn());
    }

    @Test
    void weightedDrawMapsThroughCumulativeWeights() {
        SlotGame g = game("");
        Scripted rng = new Scripted(2, 3);
        var o = g.play(rng, 100);
        assertThat(rng.bounds).containsExactly(4, 4); // total weights, not stop counts
        assertThat(o.stops()).containsExactly(0, 2);   // 2 < 3 -> A; 3 in [2,4) -> W
        assertThat(o.payoutMinor()).isEqualTo(1000);
        Scripted b = new Scripted(3, 1);
        assertThat(g.play(b, 100).stops()).containsExactly(1, 1);
    }

    @Test
    void winCapLimitsTheRoundAndTheMath() {
        SlotGame g = game(", \"winCap\": 5");
        assertThat(g.play(new Scripted(0, 0), 100).payoutMinor()).isEqualTo(500);
        assertThat(g.lobbyParSheet().totalReturn()).isEqualTo(Fraction.of(57, 16));
        assertThatThrownBy(() -> PayTableMath.analyze(g.engine(), 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesBadWeights() {
        assertThatThrownBy(() -> InHouseGames.load(new ByteArrayInputStream(
                TINY.formatted("").replace("[1, 1, 2]", "[1, 0, 2]").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GameDefinitionException.class).hasMessageContaining("positive integers");
        assertThatThrownBy(() -> InHouseGames.load(new ByteArrayInputStream(
                TINY.formatted("").replace("[1, 1, 2]", "[1, 2]").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GameDefinitionException.class).hasMessageContaining("one weight per stop");
    }
}
