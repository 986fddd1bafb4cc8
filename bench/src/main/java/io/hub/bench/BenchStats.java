package io.hub.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Thread-safe counters and latency histograms of one run. Only spins <em>due</em> in the measurement window are counted
 * (see {@link SpinSchedule#isMeasured}), except the {@code *InWindow} counters, which count replies by <em>arrival</em>
 * time and give the achieved throughput.
 */
public final class BenchStats {

    /** Values above this (1 h) are clamped; a spin this slow has long been counted as a timeout anyway. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    /** Reply time minus intended send time: what a player on a fixed schedule experiences (corrects coordinated omission). */
    final Histogram responseTime = newHistogram();
    /** Reply time minus actual send time: the hub's service time, which hides queueing behind a slow previous reply. */
    final Histogram serviceTime = newHistogram();
    /** Actual send time minus intended send time: queueing behind the previous spin plus the load generator's own lag. */
    final Histogram sendLag = newHistogram();

    final LongAdder sent = new LongAdder();
    final LongAdder delayed = new LongAdder();
    final LongAdder spinResults = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder lostOnClose = new LongAdder();
    final LongAdder unsentAtEnd = new LongAdder();
    final LongAdder unsentSocketClosed = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    final LongAdder spinResultsInWindow = new LongAdder();
    final LongAdder repliesInWindow = new LongAdder();

    final LongAdder warmupSent = new LongAdder();
    final LongAdder warmupSpinResults = new LongAdder();
    final LongAdder warmupErrors = new LongAdder();

    final LongAdder balanceFrames = new LongAdder();
    final LongAdder otherFrames = new LongAdder();
    final LongAdder unparsableFrames = new LongAdder();
    /** Replies whose requestId is not the one in flight, e.g. a reply arriving after its timeout. */
    final Map<String, LongAdder> lateOrUnmatchedReplies = new ConcurrentHashMap<>();
    /** Socket closes/errors during the run that the bench did not initiate, by "code reason". */
    final Map<String, LongAdder> socketCloses = new ConcurrentHashMap<>();

    static Histogram newHistogram() {
        return new SynchronizedHistogram(1, HIGHEST_MICROS, 3);
    }

    static void recordNanos(Histogram h, long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        h.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, micros)));
    }

    void error(String code) {
        errors.computeIfAbsent(code == null || code.isBlank() ? "(no code)" : code, c -> new LongAdder()).increment();
    }

    void lateOrUnmatched(String what) {
        lateOrUnmatchedReplies.computeIfAbsent(what, c -> new LongAdder()).increment();
    }

    void socketClosed(String what) {
        socketCloses.computeIfAbsent(what, c -> new LongAdder()).increment();
    }

    static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long socketCloseTotal() {
        return socketCloses.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
