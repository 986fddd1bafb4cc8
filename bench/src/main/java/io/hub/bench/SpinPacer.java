package io.hub.bench;

/**
 * One player's walk along the {@link SpinSchedule}: decides, whenever the player has nothing in flight, whether to send the
 * next spin now or wait until it is due. Pure and single-threaded (the owning {@link PlayerSession} synchronizes); times are
 * nanoseconds relative to schedule start.
 */
final class SpinPacer {

    sealed interface Step permits Send, Wait, Done {
    }

    /**
     * Send spin {@code k} now. Its latency is measured from {@code intendedNanos}. {@code delayed}: it was due while the
     * previous spin was still in flight.
     */
    record Send(long k, long intendedNanos, boolean delayed, boolean measured) implements Step {
    }

    /** Nothing is due yet; ask again at {@code untilNanos}. */
    record Wait(long untilNanos) implements Step {
    }

    /** Every scheduled spin has been sent. */
    enum Done implements Step {
        INSTANCE
    }

    private final SpinSchedule schedule;
    private final int slot;
    private final long total;
    private long nextK;

    SpinPacer(SpinSchedule schedule, int slot) {
        this.schedule = schedule;
        this.slot = slot;
        this.total = schedule.spinsFor(slot);
    }

    /**
     * Call only when no spin is in flight. {@code afterReply}: the previous spin has just finished (reply or timeout) at
     * {@code nowNanos}; if the next spin is already due, the previous one held it back, so it counts as delayed.
     * A {@link Send} advances to the following spin.
     */
    Step next(long nowNanos, boolean afterReply) {
        if (nextK >= total) {
            return Done.INSTANCE;
        }
        long intended = schedule.intendedNanos(slot, nextK);
        if (nowNanos < intended) {
            return new Wait(intended);
        }
        return new Send(nextK++, intended, afterReply, schedule.isMeasured(intended));
    }

    /** Measured spins not sent yet. */
    long unsentMeasured() {
        long n = 0;
        for (long k = nextK; k < total; k++) {
            if (schedule.isMeasured(schedule.intendedNanos(slot, k))) {
                n++;
            }
        }
        return n;
    }

    boolean exhausted() {
        return nextK >= total;
    }

    /** Stops the walk (after the drain deadline); returns {@link #unsentMeasured()} as it was. */
    long abandon() {
        long unsent = unsentMeasured();
        nextK = total;
        return unsent;
    }
}
