package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Drives a {@link SpinPacer} with a simulated clock and a hub of fixed service time, the way {@link PlayerSession} does, and
 * checks the open-loop / coordinated-omission accounting.
 */
class SpinPacerTest {

    private static final long MS = 1_000_000L;

    /** What one simulated spin looked like. */
    record Spin(long k, long intended, long sent, long replied, boolean delayed, boolean measured) {
        long responseTime() {
            return replied - intended;
        }

        long serviceTime() {
            return replied - sent;
        }
    }

    /** Event loop: wait for the due time or the previous reply, whichever is later; the hub answers after serviceNanos. */
    static List<Spin> simulate(SpinPacer pacer, long serviceNanos) {
        List<Spin> spins = new ArrayList<>();
        long now = 0;
        boolean afterReply = false;
        while (true) {
            SpinPacer.Step step = pacer.next(now, afterReply);
            if (step instanceof SpinPacer.Wait wait) {
                assertThat(wait.untilNanos()).isGreaterThan(now);
                now = wait.untilNanos(); // the timer fires
                afterReply = false;
            } else if (step instanceof SpinPacer.Send send) {
                long replied = now + serviceNanos;
                spins.add(new Spin(send.k(), send.intendedNanos(), now, replied, send.delayed(), send.measured()));
                now = replied;
                afterReply = true;
            } else {
                return spins;
            }
        }
    }

    @Test
    void fastHubIsNeverDelayedAndResponseEqualsServiceTime() {
        SpinSchedule schedule = new SpinSchedule(1, 10.0, 0, 1_000 * MS); // every 100 ms, 10 spins
        List<Spin> spins = simulate(new SpinPacer(schedule, 0), 30 * MS);

        assertThat(spins).hasSize(10);
        assertThat(spins).noneMatch(Spin::delayed);
        assertThat(spins).allMatch(s -> s.sent() == s.intended());
        assertThat(spins).allMatch(s -> s.responseTime() == 30 * MS);
    }

    @Test
    void slowHubDelaysSpinsAndResponseTimeIncludesTheQueueing() {
        // Due every 100 ms, the hub takes 250 ms: spin k is sent when spin k-1 returns, at 250 ms * k,
        // and answered at 250 ms * (k + 1); it was due at 100 ms * k, so it waited 250 + 150 k ms in total.
        SpinSchedule schedule = new SpinSchedule(1, 10.0, 0, 1_000 * MS);
        List<Spin> spins = simulate(new SpinPacer(schedule, 0), 250 * MS);

        assertThat(spins).hasSize(10);
        assertThat(spins.get(0).delayed()).isFalse();
        assertThat(spins.subList(1, 10)).allMatch(Spin::delayed);
        for (Spin s : spins) {
            assertThat(s.serviceTime()).isEqualTo(250 * MS);
            assertThat(s.responseTime()).isEqualTo((250 + 150 * s.k()) * MS);
        }
        // Closed-loop (service time) recording would claim p99 = 250 ms; the corrected p99 shows the backlog.
        Histogram corrected = new Histogram(3);
        Histogram naive = new Histogram(3);
        spins.forEach(s -> {
            corrected.recordValue(s.responseTime() / 1_000);
            naive.recordValue(s.serviceTime() / 1_000);
        });
        assertThat(LatencySummary.fromMicros(naive).p99Ms()).isCloseTo(250.0, within(0.5));
        assertThat(LatencySummary.fromMicros(corrected).maxMs()).isCloseTo(1600.0, within(2.0));
    }

    @Test
    void oneSlowReplyDelaysOnlyTheSpinsDueWhileItWasPending() {
        SpinSchedule schedule = new SpinSchedule(1, 10.0, 0, 1_000 * MS);
        SpinPacer pacer = new SpinPacer(schedule, 0);

        SpinPacer.Send first = (SpinPacer.Send) pacer.next(0, false);
        assertThat(first.k()).isZero();
        // the reply comes after 350 ms: spins 1, 2 and 3 (due 100, 200, 300 ms) fell due meanwhile
        SpinPacer.Send second = (SpinPacer.Send) pacer.next(350 * MS, true);
        assertThat(second.k()).isEqualTo(1);
        assertThat(second.delayed()).isTrue();
        assertThat(second.intendedNanos()).isEqualTo(100 * MS);
        // it is answered at 360 ms: spin 2 is also overdue and goes out at once
        SpinPacer.Send third = (SpinPacer.Send) pacer.next(360 * MS, true);
        assertThat(third.k()).isEqualTo(2);
        assertThat(third.delayed()).isTrue();
        SpinPacer.Send fourth = (SpinPacer.Send) pacer.next(370 * MS, true);
        assertThat(fourth.k()).isEqualTo(3);
        // answered at 380 ms: spin 4 is due at 400 ms, so wait; the schedule did not shift
        assertThat(pacer.next(380 * MS, true)).isEqualTo(new SpinPacer.Wait(400 * MS));
        SpinPacer.Send fifth = (SpinPacer.Send) pacer.next(400 * MS, false);
        assertThat(fifth.delayed()).isFalse();
        assertThat(fifth.k()).isEqualTo(4);
    }

    @Test
    void warmupSpinsAreNotMeasuredAndAbandonCountsTheBacklog() {
        SpinSchedule schedule = new SpinSchedule(2, 1.0, 2_000 * MS, 5_000 * MS);
        SpinPacer pacer = new SpinPacer(schedule, 1); // due at 0.5, 1.5, ..., 6.5 s

        SpinPacer.Send s0 = (SpinPacer.Send) pacer.next(500 * MS, false);
        assertThat(s0.measured()).isFalse();
        SpinPacer.Send s1 = (SpinPacer.Send) pacer.next(1_500 * MS, false);
        assertThat(s1.measured()).isFalse();
        SpinPacer.Send s2 = (SpinPacer.Send) pacer.next(2_500 * MS, false);
        assertThat(s2.measured()).isTrue();
        assertThat(pacer.unsentMeasured()).isEqualTo(4);
        assertThat(pacer.exhausted()).isFalse();
        assertThat(pacer.abandon()).isEqualTo(4);
        assertThat(pacer.exhausted()).isTrue();
        assertThat(pacer.next(10_000 * MS, false)).isEqualTo(SpinPacer.Done.INSTANCE);
    }
}
