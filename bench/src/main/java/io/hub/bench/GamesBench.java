package io.hub.bench;

import io.hub.games.InHouseGames;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import io.hub.games.rng.DrbgRandomSource;
import io.hub.games.sim.CompiledSlot;
import io.hub.games.sim.Simulation;
import io.hub.games.slot.SlotGame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Games benchmark (issue 5), in-process, no hub needed:
 * <ol>
 *   <li><b>Exact math</b>: wall-clock time of Atkins Diet's full enumeration ({@link PayTableMath#enumerate}, all
 *   32^5 = 33,554,432 stop combinations, free-spin moments included; parallel over reel 1's stops) and of its
 *   analytic RTP ({@link PayTableMath#analyze}). Target: at most 10 s.</li>
 *   <li><b>Simulation</b>: rounds per second of {@link Simulation#run} (compiled evaluator, SplittableRandom) for
 *   Atkins Diet and Red White & Blue on 1 thread and on all processors. Target: at least 10 million per second in
 *   total using both cores. A round is the base spin plus the free spins it triggers; both counts are reported.</li>
 *   <li>For scale: the certified DRBG's draw rate ({@link DrbgRandomSource#nextInt}) and the production play path
 *   ({@link Simulation#runReference}).</li>
 * </ol>
 * Each figure is the best (and the median) of {@code --repeat} measured runs after a warm-up run. Usage:
 * {@code GamesBench [--report FILE] [--rounds N] [--repeat R] [--threads T] [--command TEXT]}.
 */
public final class GamesBench {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GamesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path report = null;
        long rounds = 100_000_000L;
        int repeat = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        String command = "java -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' io.hub.bench.GamesBench " + String.join(" ", args);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--report" -> report = Path.of(args[++i]);
                case "--rounds" -> rounds = Long.parseLong(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String md = run(rounds, repeat, threads, command);
        System.out.println(md);
        if (report != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, md);
            System.err.println("report written to " + report);
        }
    }

    /** Median and best of several timings (seconds). */
    record Timing(double best, double median) {
        static Timing of(double[] seconds) {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return new Timing(s[0], s[s.length / 2]);
        }
    }

    static String run(long rounds, int repeat, int threads, String command) throws Exception {
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        MachineInfo m = MachineInfo.detect();
        StringBuilder md = new StringBuilder();
        md.append("# In-house games benchmark (").append(TIME.format(started)).append(")\n\n");
        md.append("**Machine:** ").append(m.cpus()).append(" CPUs (nproc), ").append(m.totalMemoryBytes() / (1 << 20)).append(" MiB RAM, ")
                .append(cpuModel()).append(", ").append(m.os().trim()).append(", Java ").append(m.javaVersion()).append(" (")
                .append(m.javaVm().trim()).append("), max heap ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB. ")
                .append("Load average before the run: ").append(loadBefore).append(" (the machine is shared; other processes compete for the same cores).\n\n");
        md.append("**Command:** `").append(command).append("`\n\n");

        SlotGame atkins = InHouseGames.loadResource("games/atkins-diet.json");
        SlotGame rwb = InHouseGames.loadResource("games/red-white-blue.json");

        // 1. exact math
        md.append("## Exact math: Atkins Diet\n\n");
        md.append("| computation | best | median | result |\n|---|---:|---:|---|\n");
        ParSheet[] last = new ParSheet[1];
        Timing enumeration = time(repeat, () -> last[0] = PayTableMath.enumerate(atkins.engine(), 1));
        ParSheet e = last[0];
        md.append(String.format(Locale.ROOT, "| full enumeration, 32^5 = %,d stop combinations (RTP, hit frequency, variance; free spins exact) | %.3f s | %.3f s | RTP %s = %s %%, SD %s x bet |%n",
                e.enumeration().orElseThrow().combinations(), enumeration.best(), enumeration.median(), e.totalReturn(),
                e.totalReturn().toBigDecimal(8).movePointRight(2).toPlainString(), e.enumeration().orElseThrow().standardDeviation()));
        Timing analytic = time(repeat, () -> last[0] = PayTableMath.analyze(atkins.engine(), 1));
        md.append(String.format(Locale.ROOT, "| analytic RTP (line tuples x row weights, scatter convolution, closed-form free spins) | %.3f s | %.3f s | RTP %s |%n",
                analytic.best(), analytic.median(), last[0].totalReturn()));
        md.append(String.format(Locale.ROOT, "%nTarget: exact RTP of Atkins Diet in at most 10 s: **%s** (full enumeration %.2f s, %.0fx under the target).%n%n",
                enumeration.median() <= 10 ? "met" : "MISSED", enumeration.median(), 10 / enumeration.median()));

        // 2. simulation
        md.append("## Simulation (compiled evaluator, SplittableRandom, seeded)\n\n");
        md.append(String.format(Locale.ROOT, "%,d rounds per measured run, best and median of %d runs after a warm-up run. A round is a base spin plus the free spins it triggers.%n%n", rounds, repeat));
        md.append("| game | threads | rounds/s best (wall) | rounds/s median (wall) | spins/s best (incl. free spins) | rounds per CPU-second = per core (median) | simulated RTP (99% CI) | exact RTP |\n|---|---:|---:|---:|---:|---:|---|---|\n");
        List<String> totals = new ArrayList<>();
        for (SlotGame g : List.of(atkins, rwb)) {
            CompiledSlot c = new CompiledSlot(g, g.lobbyCoins());
            for (int t : threads == 1 ? new int[]{1} : new int[]{1, threads}) {
                Simulation.run(c, Math.max(rounds / 10, 1), t, 99); // warm-up
                double[] rates = new double[repeat];
                double[] perCpu = new double[repeat];
                Simulation.Result r = null;
                for (int i = 0; i < repeat; i++) {
                    r = Simulation.run(c, rounds, t, 1000 + i);
                    rates[i] = r.roundsPerSecond();
                    perCpu[i] = r.roundsPerCpuSecond(); // rounds / CPU-seconds summed over the threads = the rate of one core
                }
                double[] sorted = rates.clone();
                Arrays.sort(sorted);
                double best = sorted[sorted.length - 1], median = sorted[sorted.length / 2];
                double spinsPerRound = (double) (r.rounds() + r.freeSpins()) / r.rounds();
                double cpuMedian = Timing.of(perCpu).median();
                md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.0f | %,.0f | %s [%s, %s] | %s |%n", g.descriptor().name(), t, best, median,
                        best * spinsPerRound, cpuMedian, Simulation.Result.percent(r.rtp(), 3), Simulation.Result.percent(r.rtp().subtract(r.halfWidth99()), 3),
                        Simulation.Result.percent(r.rtp().add(r.halfWidth99()), 3), Simulation.Result.percent(g.lobbyParSheet().totalReturn().toBigDecimal(8), 3)));
                if (t == threads) {
                    totals.add(String.format(Locale.ROOT, "%s %,.0f rounds/s measured (wall clock, shared machine), %,.0f rounds/s projected for %d dedicated cores"
                            + " (%d x the rate per CPU-second, assuming linear scaling)", g.descriptor().name(), median, cpuMedian * t, t, t));
                }
            }
        }
        md.append("\nTarget: at least 10 million simulated rounds per second using both cores: ").append(String.join("; ", totals)).append(" (medians on ")
                .append(threads).append(" threads).\n\n");

        // 3. for scale
        md.append("## For scale: the production paths\n\n");
        md.append("| what | threads | per second (median) |\n|---|---:|---:|\n");
        for (int t : threads == 1 ? new int[]{1} : new int[]{1, threads}) {
            double[] r = new double[repeat];
            for (int i = 0; i < repeat; i++) r[i] = drbgDraws(t, 2_000_000);
            md.append(String.format(Locale.ROOT, "| DrbgRandomSource.nextInt(32) (Hash_DRBG SHA-256, 4 bytes per generate call) | %d | %,.0f draws |%n", t, Timing.of(r).median()));
        }
        long refRounds = Math.max(rounds / 1000, 1000);
        for (SlotGame g : List.of(atkins, rwb)) {
            Simulation.runReference(g, g.lobbyCoins(), refRounds / 10, threads, 5);
            double[] r = new double[repeat];
            for (int i = 0; i < repeat; i++) r[i] = Simulation.runReference(g, g.lobbyCoins(), refRounds, threads, 6 + i).roundsPerSecond();
            md.append(String.format(Locale.ROOT, "| SlotGame.playRound (production evaluator, SplittableRandom), %s | %d | %,.0f rounds |%n", g.descriptor().name(), threads, Timing.of(r).median()));
        }
        md.append("\nLoad average after the run: ").append(loadAverage()).append(".\n");
        return md.toString();
    }

    interface Body {
        void run() throws Exception;
    }

    static Timing time(int repeat, Body body) throws Exception {
        body.run(); // warm-up
        double[] s = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            body.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        return Timing.of(s);
    }

    /** DRBG draws per second on {@code threads} threads, {@code perThread} draws each. */
    static double drbgDraws(int threads, int perThread) throws Exception {
        DrbgRandomSource rng = new DrbgRandomSource();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Long>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < perThread; i++) sum += rng.nextInt(32);
                    return sum;
                }));
            }
            for (Future<Long> f : fs) f.get();
            return (double) threads * perThread / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return p[0] + " / " + p[1] + " / " + p[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
