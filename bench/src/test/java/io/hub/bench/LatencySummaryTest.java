package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void emptyHistogramGivesNaN() {
        LatencySummary s = LatencySummary.fromMicros(BenchStats.newHistogram());

        assertThat(s.isEmpty()).isTrue();
        assertThat(s.count()).isZero();
        assertThat(s.p50Ms()).isNaN();
        assertThat(s.maxMs()).isNaN();
    }

    @Test
    void uniformOneToHundredMilliseconds() {
        Histogram h = BenchStats.newHistogram();
        for (long micros = 1; micros <= 100_000; micros++) {
            h.recordValue(micros);
        }
        LatencySummary s = LatencySummary.fromMicros(h);

        assertThat(s.count()).isEqualTo(100_000);
        // 3 significant digits: within 0.1 %
        assertThat(s.p50Ms()).isCloseTo(50.0, within(0.05));
        assertThat(s.p90Ms()).isCloseTo(90.0, within(0.09));
        assertThat(s.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(s.p999Ms()).isCloseTo(99.9, within(0.1));
        assertThat(s.maxMs()).isCloseTo(100.0, within(0.1));
        assertThat(s.meanMs()).isCloseTo(50.0, within(0.05));
    }

    @Test
    void exactValuesBelow2048MicrosAreExact() {
        Histogram h = BenchStats.newHistogram();
        h.recordValue(1_500);
        LatencySummary s = LatencySummary.fromMicros(h);

        assertThat(s.p50Ms()).isEqualTo(1.5);
        assertThat(s.p999Ms()).isEqualTo(1.5);
        assertThat(s.maxMs()).isEqualTo(1.5);
    }

    @Test
    void tailIsVisible() {
        Histogram h = BenchStats.newHistogram();
        for (int i = 0; i < 990; i++) {
            h.recordValue(2_000); // 2 ms
        }
        for (int i = 0; i < 10; i++) {
            h.recordValue(800_000); // 800 ms
        }
        LatencySummary s = LatencySummary.fromMicros(h);

        assertThat(s.p50Ms()).isEqualTo(2.0);
        assertThat(s.p90Ms()).isEqualTo(2.0);
        assertThat(s.p99Ms()).isEqualTo(2.0); // the 990th of 1000 values
        assertThat(s.p999Ms()).isCloseTo(800.0, within(0.8));
        assertThat(s.maxMs()).isCloseTo(800.0, within(0.8));
    }

    @Test
    void recordNanosConvertsToMicrosAndClamps() {
        Histogram h = BenchStats.newHistogram();
        BenchStats.recordNanos(h, 2_345_678); // 2345 µs
        BenchStats.recordNanos(h, -5); // clock oddity: clamped to 1 µs
        BenchStats.recordNanos(h, Long.MAX_VALUE); // clamped to the highest trackable value

        assertThat(h.getTotalCount()).isEqualTo(3);
        assertThat(h.getMinValue()).isEqualTo(1);
        assertThat(h.valuesAreEquivalent(h.getMaxValue(), BenchStats.HIGHEST_MICROS)).isTrue();
        assertThat(h.getCountAtValue(2_345)).isEqualTo(1);
    }
}
