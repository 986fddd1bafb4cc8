package io.hub.bench;

/**
 * The open-loop spin schedule: when each player <em>intends</em> to send each spin, independent of how fast the hub answers.
 *
 * <p>All times are nanoseconds relative to the schedule start (time 0 = first possible spin). Spin {@code k} of player
 * {@code p} is due at {@code phase(p) + k * interval}, where the phases spread the players evenly over one interval so the
 * hub sees a smooth arrival rate instead of N spins at the same instant every second.
 *
 * <p>Spins due in {@code [0, warmup)} are warm-up (sent, not recorded); spins due in {@code [warmup, warmup + duration)}
 * are measured; nothing is scheduled at or after {@code warmup + duration}.
 */
public final class SpinSchedule {

    private final int players;
    private final long intervalNanos;
    private final long warmupNanos;
    private final long endNanos;

    public SpinSchedule(int players, double spinsPerSecondPerPlayer, long warmupNanos, long durationNanos) {
        if (players < 1) {
            throw new IllegalArgumentException("players must be >= 1");
        }
        if (!(spinsPerSecondPerPlayer > 0)) {
            throw new IllegalArgumentException("rate must be > 0");
        }
        if (warmupNanos < 0 || durationNanos <= 0) {
            throw new IllegalArgumentException("warmup must be >= 0 and duration > 0");
        }
        this.players = players;
        this.intervalNanos = Math.max(1L, Math.round(1_000_000_000d / spinsPerSecondPerPlayer));
        this.warmupNanos = warmupNanos;
        this.endNanos = warmupNanos + durationNanos;
    }

    public static SpinSchedule ofSeconds(int players, double spinsPerSecondPerPlayer, int warmupSeconds, int durationSeconds) {
        return new SpinSchedule(players, spinsPerSecondPerPlayer, warmupSeconds * 1_000_000_000L,
                durationSeconds * 1_000_000_000L);
    }

    public int players() {
        return players;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Start of the measurement window (= end of warm-up). */
    public long measureStartNanos() {
        return warmupNanos;
    }

    /** End of the measurement window; no spin is due at or after it. */
    public long endNanos() {
        return endNanos;
    }

    public long measureDurationNanos() {
        return endNanos - warmupNanos;
    }

    /** Offset of player {@code p}'s first spin, in {@code [0, interval)}. */
    public long phaseNanos(int player) {
        checkPlayer(player);
        // player * interval fits in a long for any realistic player count and interval (< 9.2e18).
        return (long) player * intervalNanos / players;
    }

    /** When spin {@code k} of {@code player} is due. */
    public long intendedNanos(int player, long k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0");
        }
        return phaseNanos(player) + k * intervalNanos;
    }

    /** Whether a spin due at {@code intendedNanos} is recorded (due inside the measurement window). */
    public boolean isMeasured(long intendedNanos) {
        return intendedNanos >= warmupNanos && intendedNanos < endNanos;
    }

    /** Whether {@code nanos} (e.g. the time a reply arrived) lies in the measurement window. */
    public boolean inWindow(long nanos) {
        return nanos >= warmupNanos && nanos < endNanos;
    }

    /** Number of spins scheduled for {@code player} (warm-up and measured). */
    public long spinsFor(int player) {
        return countBefore(player, endNanos);
    }

    /** Number of measured spins scheduled for {@code player}. */
    public long measuredSpinsFor(int player) {
        return countBefore(player, endNanos) - countBefore(player, warmupNanos);
    }

    /** Measured spins over all players: the offered load of the measurement window. */
    public long measuredSpinsTotal() {
        long total = 0;
        for (int p = 0; p < players; p++) {
            total += measuredSpinsFor(p);
        }
        return total;
    }

    /** Number of {@code k >= 0} with {@code intendedNanos(player, k) < t}. */
    private long countBefore(int player, long t) {
        long span = t - phaseNanos(player);
        if (span <= 0) {
            return 0;
        }
        return (span + intervalNanos - 1) / intervalNanos;
    }

    private void checkPlayer(int player) {
        if (player < 0 || player >= players) {
            throw new IllegalArgumentException("player " + player + " outside [0, " + players + ")");
        }
    }
}
