package io.hub.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one run reports; rendered by {@link MarkdownReport}. */
public record BenchResult(
        String label,
        Instant startedAt,
        MachineInfo machine,
        BenchConfig config,
        String gameId,
        Setup setup,
        Counts counts,
        LatencySummary responseTime,
        LatencySummary serviceTime,
        LatencySummary sendLag,
        PrometheusText.HubMetrics hubMetrics,
        String scrapeProblem,
        LoadGenerator loadGenerator) {

    /** The load generator's own footprint: it shares the machine with the hub. NaN / -1 when unknown. */
    public record LoadGenerator(
            double windowCpuSeconds,
            double windowSeconds,
            double totalCpuSeconds,
            long heapUsedBytes,
            long heapMaxBytes,
            long gcCount,
            double gcSeconds,
            int threads) {

        public static final LoadGenerator UNKNOWN = new LoadGenerator(Double.NaN, 0, Double.NaN, -1, -1, -1, Double.NaN, -1);

        /** Average cores busy during the measurement window. */
        public double windowCores() {
            return windowSeconds > 0 ? windowCpuSeconds / windowSeconds : Double.NaN;
        }
    }

    /** Player set-up: create + fund over HTTP, then login + open the WebSocket. */
    public record Setup(
            int requested,
            int created,
            int alreadyExisted,
            int funded,
            int connected,
            double accountsSeconds,
            double connectSeconds,
            List<String> problems) {
    }

    /** Counts over spins due in the measurement window, unless the name says otherwise. */
    public record Counts(
            int activePlayers,
            double measureSeconds,
            long scheduled,
            long sent,
            long delayed,
            long spinResults,
            Map<String, Long> errors,
            long timeouts,
            long lostOnClose,
            long unsentAtEnd,
            long unsentSocketClosed,
            long spinResultsInWindow,
            long repliesInWindow,
            Map<String, Long> socketCloses,
            Map<String, Long> lateOrUnmatchedReplies,
            long warmupSent,
            long warmupSpinResults,
            long warmupErrors) {

        public long errorTotal() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public long socketCloseTotal() {
            return socketCloses.values().stream().mapToLong(Long::longValue).sum();
        }

        /** spinResult replies that arrived during the measurement window, per second. */
        public double achievedSpinsPerSecond() {
            return measureSeconds > 0 ? spinResultsInWindow / measureSeconds : 0;
        }

        /** All matched replies (spinResult and error) that arrived during the measurement window, per second. */
        public double achievedRepliesPerSecond() {
            return measureSeconds > 0 ? repliesInWindow / measureSeconds : 0;
        }

        /** Spins due in the window per second, for the players that actually connected. */
        public double offeredSpinsPerSecond() {
            return measureSeconds > 0 ? scheduled / measureSeconds : 0;
        }
    }
}
