package io.hub.games.sim;

import io.hub.contracts.game.RandomSource;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Plays N rounds of a {@link CompiledSlot} on T threads with a seeded RNG and reports the statistics a PAR sheet is
 * checked with. Reproducible: thread {@code t} plays {@code N/T} rounds (the first {@code N mod T} threads one
 * more) from the {@code t}-th {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, so the same
 * (game, coins, N, T, seed) always gives the same result.
 *
 * <p>Win sums are exact integers (units of the coin value or line bet; squares summed in 128 bits); only the final
 * ratios are decimals.
 */
public final class Simulation {
    /** Two-sided 99% normal quantile, z(0.995). */
    public static final BigDecimal Z99 = new BigDecimal("2.5758293035489");
    private static final MathContext MC = MathContext.DECIMAL128;

    private Simulation() {
    }

    /**
     * Sums of one simulation.
     *
     * @param gameId          the game
     * @param units           units of the total bet
     * @param rounds          rounds played (N)
     * @param threads         threads used (T)
     * @param seed            the master seed
     * @param totalWin        sum of round wins, units
     * @param totalWinSquared sum of squared round wins, units^2
     * @param hits            rounds that paid something or triggered free spins (the PAR's round hit frequency)
     * @param triggers        rounds that triggered free spins
     * @param freeSpins       free spins played
     * @param largestWin      the largest round win, units
     * @param nanos           wall-clock time of the play, nanoseconds
     * @param cpuNanos        CPU time the playing threads used, summed, nanoseconds (0 when the JVM cannot measure it)
     */
    public record Result(String gameId, int units, long rounds, int threads, long seed, BigInteger totalWin,
                         BigInteger totalWinSquared, long hits, long triggers, long freeSpins, long largestWin, long nanos,
                         long cpuNanos) {

        /** Return to player: total win / (rounds x total bet). */
        public BigDecimal rtp() {
            return new BigDecimal(totalWin).divide(new BigDecimal(BigInteger.valueOf(rounds).multiply(BigInteger.valueOf(units))), MC);
        }

        /** Sample standard deviation of one round's win, in multiples of the total bet (n - 1 denominator). */
        public BigDecimal standardDeviation() {
            if (rounds < 2) return BigDecimal.ZERO;
            BigDecimal n = BigDecimal.valueOf(rounds);
            BigDecimal mean = new BigDecimal(totalWin).divide(n, MC);
            BigDecimal ss = new BigDecimal(totalWinSquared).subtract(mean.multiply(new BigDecimal(totalWin), MC));
            BigDecimal variance = ss.divide(BigDecimal.valueOf(rounds - 1), MC).max(BigDecimal.ZERO);
            return variance.sqrt(MC).divide(BigDecimal.valueOf(units), MC);
        }

        /** Half width of the 99% confidence interval of the RTP: z(0.995) x SD / sqrt(N). */
        public BigDecimal halfWidth99() {
            return Z99.multiply(standardDeviation(), MC).divide(BigDecimal.valueOf(rounds).sqrt(MC), MC);
        }

        /** Rounds that paid something or triggered free spins / rounds. */
        public BigDecimal hitFrequency() {
            return BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(rounds), MC);
        }

        /** The largest round win in multiples of the total bet. */
        public BigDecimal largestWinTimesBet() {
            return BigDecimal.valueOf(largestWin).divide(BigDecimal.valueOf(units), MC);
        }

        /** Rounds per second of wall-clock time. */
        public double roundsPerSecond() {
            return nanos == 0 ? 0 : rounds * 1e9 / nanos;
        }

        /**
         * Rounds per second of CPU time actually given to the playing threads: the speed of one core, whatever else
         * runs on the machine (0 when unmeasured).
         */
        public double roundsPerCpuSecond() {
            return cpuNanos == 0 ? 0 : rounds * 1e9 / cpuNanos;
        }

        /** Formats a ratio as a percentage with {@code places} decimals. */
        public static String percent(BigDecimal ratio, int places) {
            return ratio.movePointRight(2).setScale(places, RoundingMode.HALF_EVEN).toPlainString() + " %";
        }
    }

    /**
     * @param game    the compiled game
     * @param rounds  N, at least 1
     * @param threads T, at least 1
     * @param seed    master seed
     * @throws IllegalArgumentException for N or T below 1
     */
    public static Result run(CompiledSlot game, long rounds, int threads, long seed) {
        return run(game.gameId(), game.units(), rnd -> game.new Player(rnd), rounds, threads, seed);
    }

    /**
     * The same simulation through the production play path ({@link SlotGame#playRound}, the code that pays real
     * rounds) instead of the compiled arrays: much slower, and for the same arguments it must give exactly the same
     * result as {@link #run(CompiledSlot, long, int, long)} (same draws, same mapping).
     */
    public static Result runReference(SlotGame game, int coins, long rounds, int threads, long seed) {
        int units = game.engine().units(coins);
        game.checkBet(units, coins).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return run(game.definition().gameId(), units, rnd -> new RoundPlayer() {
            private final RandomSource source = bound -> CompiledSlot.nextInt(rnd, bound);
            private boolean triggered;
            private long freeSpins;

            @Override
            public long playRound() {
                SlotRound round = game.playRound(source, units, coins); // one minor unit per unit: payout = units won
                triggered = !round.freeSpins().isEmpty();
                freeSpins += round.freeSpins().size();
                return round.payoutMinor();
            }

            @Override
            public boolean triggered() {
                return triggered;
            }

            @Override
            public long freeSpinsPlayed() {
                return freeSpins;
            }
        }, rounds, threads, seed);
    }

    /** One thread's game: plays rounds from its own random stream. */
    public interface RoundPlayer {
        /** Plays a round; returns its win in units. */
        long playRound();

        /** Whether the last round triggered free spins. */
        boolean triggered();

        /** Free spins played so far. */
        long freeSpinsPlayed();
    }

    private static Result run(String gameId, int units, Function<SplittableRandom, RoundPlayer> players, long rounds, int threads, long seed) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be positive");
        if (threads < 1) throw new IllegalArgumentException("threads must be positive");
        SplittableRandom master = new SplittableRandom(seed);
        List<SplittableRandom> streams = new ArrayList<>();
        for (int t = 0; t < threads; t++) streams.add(master.split());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "simulation");
            th.setDaemon(true);
            return th;
        });
        long start = System.nanoTime();
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long share = rounds / threads + (t < rounds % threads ? 1 : 0);
                SplittableRandom rnd = streams.get(t);
                parts.add(pool.submit(() -> play(players.apply(rnd), share)));
            }
            BigInteger win = BigInteger.ZERO, win2 = BigInteger.ZERO;
            long hits = 0, triggers = 0, freeSpins = 0, largest = 0, cpu = 0;
            for (Future<long[]> f : parts) {
                long[] p = f.get();
                win = win.add(BigInteger.valueOf(p[0]));
                win2 = win2.add(unsigned128(p[1], p[2]));
                hits += p[3];
                triggers += p[4];
                freeSpins += p[5];
                largest = Math.max(largest, p[6]);
                cpu += p[7];
            }
            long nanos = System.nanoTime() - start;
            return new Result(gameId, units, rounds, threads, seed, win, win2, hits, triggers, freeSpins, largest, nanos, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {sum, sumSquares hi, sumSquares lo, hits, triggers, free spins, largest, CPU nanoseconds}. */
    private static long[] play(RoundPlayer p, long rounds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
        long sum = 0, hi = 0, lo = 0, hits = 0, triggers = 0, largest = 0;
        for (long i = 0; i < rounds; i++) {
            long w = p.playRound();
            if (w != 0) {
                sum = Math.addExact(sum, w);
                long sqHi = Math.multiplyHigh(w, w);
                long sqLo = w * w;
                long before = lo;
                lo += sqLo;
                hi += sqHi + (Long.compareUnsigned(lo, before) < 0 ? 1 : 0);
                if (w > largest) largest = w;
            }
            boolean t = p.triggered();
            if (w > 0 || t) hits++;
            if (t) triggers++;
        }
        long cpu = cpuTime ? mx.getCurrentThreadCpuTime() - cpu0 : 0;
        return new long[]{sum, hi, lo, hits, triggers, p.freeSpinsPlayed(), largest, cpu};
    }

    private static BigInteger unsigned128(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
