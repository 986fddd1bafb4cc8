package io.hub.bench;

import org.HdrHistogram.AbstractHistogram;

/**
 * Percentiles of a histogram recorded in <b>microseconds</b>, converted to milliseconds.
 *
 * <p>HdrHistogram reports the highest value equivalent to the bucket a percentile falls in, so with 3 significant digits
 * a value is exact to within 0.1 %. An empty histogram gives {@code count == 0} and NaN everywhere.
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {

    public static final LatencySummary EMPTY =
            new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static LatencySummary fromMicros(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50.0)),
                ms(histogram.getValueAtPercentile(90.0)),
                ms(histogram.getValueAtPercentile(99.0)),
                ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()),
                histogram.getMean() / 1000.0);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
