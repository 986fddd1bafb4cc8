package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SpinScheduleTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void spreadsPlayersEvenlyOverOneInterval() {
        SpinSchedule s = SpinSchedule.ofSeconds(4, 1.0, 10, 60);

        assertThat(s.intervalNanos()).isEqualTo(S);
        assertThat(s.phaseNanos(0)).isZero();
        assertThat(s.phaseNanos(1)).isEqualTo(250 * MS);
        assertThat(s.phaseNanos(2)).isEqualTo(500 * MS);
        assertThat(s.phaseNanos(3)).isEqualTo(750 * MS);
        assertThat(s.intendedNanos(1, 3)).isEqualTo(3 * S + 250 * MS);
    }

    @Test
    void countsWarmupAndMeasuredSpinsPerPlayer() {
        SpinSchedule s = SpinSchedule.ofSeconds(4, 1.0, 10, 60);

        for (int p = 0; p < 4; p++) {
            assertThat(s.spinsFor(p)).isEqualTo(70);
            assertThat(s.measuredSpinsFor(p)).isEqualTo(60);
        }
        assertThat(s.measuredSpinsTotal()).isEqualTo(240);
        assertThat(s.measureStartNanos()).isEqualTo(10 * S);
        assertThat(s.endNanos()).isEqualTo(70 * S);
        assertThat(s.measureDurationNanos()).isEqualTo(60 * S);
    }

    @Test
    void offeredLoadOfThousandPlayersAtOneSpinPerSecond() {
        SpinSchedule s = SpinSchedule.ofSeconds(1000, 1.0, 10, 60);

        assertThat(s.measuredSpinsTotal()).isEqualTo(60_000);
        assertThat(s.phaseNanos(999)).isEqualTo(999 * MS);
    }

    @Test
    void fractionalRateAndBoundaries() {
        // 0.4 spins/s = one every 2.5 s; warm-up 1 s, window 10 s: due at 0, 2.5, 5, 7.5, 10 (all < 11), 0 is warm-up
        SpinSchedule s = SpinSchedule.ofSeconds(1, 0.4, 1, 10);

        assertThat(s.intervalNanos()).isEqualTo(2_500 * MS);
        assertThat(s.spinsFor(0)).isEqualTo(5);
        assertThat(s.measuredSpinsFor(0)).isEqualTo(4);
        assertThat(s.isMeasured(0)).isFalse();
        assertThat(s.isMeasured(S - 1)).isFalse();
        assertThat(s.isMeasured(S)).isTrue();
        assertThat(s.isMeasured(11 * S - 1)).isTrue();
        assertThat(s.isMeasured(11 * S)).isFalse();
    }

    @Test
    void countsMatchBruteForceEnumeration() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            int players = 1 + random.nextInt(50);
            double rate = 0.1 + random.nextDouble() * 20;
            long warmup = random.nextInt(3000) * MS;
            long duration = (1 + random.nextInt(5000)) * MS;
            SpinSchedule s = new SpinSchedule(players, rate, warmup, duration);
            long measuredTotal = 0;
            for (int p = 0; p < players; p++) {
                long all = 0;
                long measured = 0;
                for (long k = 0; s.intendedNanos(p, k) < s.endNanos(); k++) {
                    all++;
                    if (s.isMeasured(s.intendedNanos(p, k))) {
                        measured++;
                    }
                }
                assertThat(s.spinsFor(p)).as("players=%d rate=%f p=%d", players, rate, p).isEqualTo(all);
                assertThat(s.measuredSpinsFor(p)).isEqualTo(measured);
                assertThat(s.phaseNanos(p)).isBetween(0L, s.intervalNanos() - 1);
                measuredTotal += measured;
            }
            assertThat(s.measuredSpinsTotal()).isEqualTo(measuredTotal);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SpinSchedule.ofSeconds(0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpinSchedule.ofSeconds(1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpinSchedule.ofSeconds(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        SpinSchedule s = SpinSchedule.ofSeconds(2, 1, 0, 1);
        assertThatThrownBy(() -> s.phaseNanos(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.intendedNanos(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
