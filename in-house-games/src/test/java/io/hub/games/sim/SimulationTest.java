package io.hub.games.sim;

import io.hub.games.InHouseGames;
import io.hub.games.math.ParSheet;
import io.hub.games.slot.SlotGame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeded simulation against the exact math, and the compiled evaluator against the production play path. */
class SimulationTest {
    private static final MathContext MC = MathContext.DECIMAL64;

    private static final java.util.Map<String, SlotGame> GAMES = new java.util.concurrent.ConcurrentHashMap<>();

    static SlotGame game(String name) {
        return GAMES.computeIfAbsent(name, n -> InHouseGames.loadResource(n.endsWith(".json") ? n : "games/" + n + ".json"));
    }

    /**
     * The simulated RTP lies in the 99% interval around the exact RTP: exact +- z(0.995) x SD / sqrt(N), SD the
     * exact standard deviation per round from the enumeration; the same for the round hit frequency (binomial SD).
     * Seeded, so the outcome is fixed; with a wrong evaluator (e.g. a missed free-spin multiplier, about 17 points of
     * Atkins Diet's RTP, or multipliers added instead of multiplied) the RTP falls far outside.
     */
    @ParameterizedTest
    @ValueSource(strings = {"atkins-diet", "red-white-blue", "games-unseen/multiplier-sevens.json"})
    void simulatedReturnLiesInTheNinetyNinePercentIntervalAroundTheExactValue(String name) {
        SlotGame g = game(name);
        ParSheet exact = g.lobbyParSheet();
        ParSheet.Enumeration e = exact.enumeration().orElseThrow();
        long n = 2_000_000;
        Simulation.Result r = Simulation.run(new CompiledSlot(g, g.lobbyCoins()), n, 2, 20261129L);
        assertThat(r.rounds()).isEqualTo(n);
        BigDecimal sqrtN = BigDecimal.valueOf(n).sqrt(MC);
        BigDecimal half = Simulation.Z99.multiply(e.standardDeviation()).divide(sqrtN, MC);
        BigDecimal rtp = exact.totalReturn().toBigDecimal(12);
        assertThat(r.rtp()).isBetween(rtp.subtract(half), rtp.add(half));

        double p = e.hitFrequency().toDouble();
        double hitHalf = 2.5758 * Math.sqrt(p * (1 - p) / n);
        assertThat(r.hitFrequency().doubleValue()).isBetween(p - hitHalf, p + hitHalf);
        // the sample SD estimates the exact one (within 10%: heavy tails make it the noisiest figure)
        assertThat(r.standardDeviation().doubleValue()).isCloseTo(e.standardDeviation().doubleValue(), org.assertj.core.data.Percentage.withPercentage(10));
        // the interval the CLI reports contains the exact value too
        assertThat(rtp).isBetween(r.rtp().subtract(r.halfWidth99()), r.rtp().add(r.halfWidth99()));
        assertThat(r.largestWin()).isPositive();
        if (g.definition().freeSpins().isPresent()) {
            double trigger = exact.triggerProbability().toDouble();
            assertThat((double) r.triggers() / n).isCloseTo(trigger, org.assertj.core.data.Offset.offset(2.5758 * Math.sqrt(trigger / n)));
            assertThat((double) r.freeSpins() / r.triggers()).isCloseTo(exact.expectedFreeSpins().toDouble(), org.assertj.core.data.Offset.offset(0.2));
        }
    }

    /** Same seed, same draws: the compiled arrays and SlotGame.playRound pay exactly the same, round for round. */
    @ParameterizedTest
    @ValueSource(strings = {"atkins-diet", "red-white-blue", "games-unseen/multiplier-sevens.json"})
    void compiledEvaluatorPaysExactlyWhatTheProductionPathPays(String name) {
        SlotGame g = game(name);
        for (int coins = 1; coins <= g.maxCoins(); coins++) {
            Simulation.Result fast = Simulation.run(new CompiledSlot(g, coins), 30_000, 2, 7L);
            Simulation.Result reference = Simulation.runReference(g, coins, 30_000, 2, 7L);
            assertThat(fast.totalWin()).isPositive().isEqualTo(reference.totalWin());
            assertThat(fast.totalWinSquared()).isEqualTo(reference.totalWinSquared());
            assertThat(fast.hits()).isEqualTo(reference.hits());
            assertThat(fast.triggers()).isEqualTo(reference.triggers());
            assertThat(fast.freeSpins()).isEqualTo(reference.freeSpins());
            assertThat(fast.largestWin()).isEqualTo(reference.largestWin());
        }
    }

    private static final String TINY = """
            {"format": "hub-slot/1", "gameId": "tiny-capped", "name": "Tiny", "rows": 1,
             "symbols": ["A", "B", "W"],
             "reels": [["A", "B"], ["A", "B", "W"]],
             "stopWeights": [[3, 1], [1, 1, 2]],
             "bet": {"mode": "coins", "lobbyCoins": 1, "maxCoins": 2},
             "paylines": [[0, 0]],
             "wild": {"symbol": "W", "except": []},
             "paytable": [{"pattern": ["A", "A"], "pays": {"1": 10, "2": 25}}, {"pattern": ["B", "B"], "pays": 4}],
             "winCap": 9}
            """;

    /** Weighted stops, a win cap and coin-dependent pays: exact RTP reached and the production path agrees. */
    @Test
    void weightedAndCappedGame() {
        SlotGame g = InHouseGames.load(new ByteArrayInputStream(TINY.getBytes(StandardCharsets.UTF_8)));
        for (int coins = 1; coins <= 2; coins++) {
            Simulation.Result fast = Simulation.run(new CompiledSlot(g, coins), 50_000, 2, 3L);
            Simulation.Result reference = Simulation.runReference(g, coins, 50_000, 2, 3L);
            assertThat(fast.totalWin()).isEqualTo(reference.totalWin());
            assertThat(fast.largestWin()).isEqualTo(9L * coins); // capped: A A pays 10 / 25 units, cap 9 x total bet
        }
        // 1 coin: A,A|W (9/16) pays min(10, 9) = 9; B,B|W (3/16) pays 4 -> (81 + 12) / 16
        Simulation.Result r = Simulation.run(new CompiledSlot(g, 1), 1_000_000, 2, 11L);
        assertThat(r.rtp().doubleValue()).isCloseTo(93.0 / 16, org.assertj.core.data.Offset.offset(r.halfWidth99().doubleValue()));
    }

    @Test
    void reproducibleForTheSameSeedAndThreadCount() {
        CompiledSlot c = new CompiledSlot(game("atkins-diet"), 1);
        Simulation.Result a = Simulation.run(c, 100_000, 2, 42L), b = Simulation.run(c, 100_000, 2, 42L), other = Simulation.run(c, 100_000, 2, 43L);
        assertThat(a.totalWin()).isEqualTo(b.totalWin());
        assertThat(a.totalWinSquared()).isEqualTo(b.totalWinSquared());
        assertThat(other.totalWin()).isNotEqualTo(a.totalWin());
        assertThat(a.cpuNanos()).isPositive(); // thread CPU time measured (HotSpot on Linux supports it)
        assertThat(a.roundsPerCpuSecond()).isPositive();
        Simulation.Result odd = Simulation.run(c, 100_001, 3, 42L);
        assertThat(odd.rounds()).isEqualTo(100_001);
        assertThatThrownBy(() -> Simulation.run(c, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Lemire's mapping is uniform: 3 buckets from 600,000 draws pass a chi-square test; bound 1 is always 0. */
    @Test
    void unbiasedBoundedDraws() {
        SplittableRandom rnd = new SplittableRandom(5);
        long[] counts = new long[3];
        for (int i = 0; i < 600_000; i++) counts[CompiledSlot.nextInt(rnd, 3)]++;
        double chi = 0;
        for (long c : counts) chi += (c - 200_000.0) * (c - 200_000.0) / 200_000.0;
        assertThat(chi).isLessThan(13.82); // 2 d.f., 99.9%
        for (int i = 0; i < 1000; i++) assertThat(CompiledSlot.nextInt(rnd, 1)).isZero();
        for (int i = 0; i < 1000; i++) assertThat(CompiledSlot.nextInt(rnd, 7)).isBetween(0, 6);
    }
}
