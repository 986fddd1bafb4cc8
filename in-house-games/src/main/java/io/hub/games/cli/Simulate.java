package io.hub.games.cli;

import io.hub.games.InHouseGames;
import io.hub.games.math.Fraction;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import io.hub.games.sim.CompiledSlot;
import io.hub.games.sim.Simulation;
import io.hub.games.slot.SlotGame;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Simulation CLI: plays N rounds of a game definition with a seeded RNG on T threads and prints RTP with its 99%
 * confidence interval, hit frequency, standard deviation per round, the largest win and rounds per second, next to
 * the exact RTP (when the game's math can be established) and whether it lies inside the interval.
 *
 * <p>Usage: {@code Simulate <definition.json | built-in game id> [--spins N] [--threads T] [--seed S] [--coins C]
 * [--reference]}. Defaults: 10,000,000 rounds, all available processors, seed 1, the lobby coin count. A round is
 * the base spin plus the free spins it triggers. {@code --reference} plays through the production play path
 * ({@link SlotGame#playRound}) instead of the compiled arrays; same seed, same numbers, much slower.
 *
 * <p>The RNG is {@link java.util.SplittableRandom} (seeded, fast, <b>not</b> the certified RNG; real play uses the
 * DRBG). Exit codes: 0 done, 1 invalid definition, 2 bad arguments.
 */
public final class Simulate {
    private Simulate() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
    }

    private static final String USAGE =
            "usage: Simulate <definition.json | game id> [--spins N] [--threads T] [--seed S] [--coins C] [--reference]";

    /** Testable entry point; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String target = null;
        long spins = 10_000_000L;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 1;
        Integer coins = null;
        boolean reference = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--reference")) {
                    reference = true;
                    continue;
                }
                if (a.startsWith("--")) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                    String v = args[++i];
                    switch (a) {
                        case "--spins" -> spins = RawRng.positive(v.replace("_", ""), a);
                        case "--threads" -> threads = (int) Math.min(RawRng.positive(v, a), 1024);
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--coins" -> coins = (int) Math.min(RawRng.positive(v, a), Integer.MAX_VALUE);
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                } else if (target == null) {
                    target = a;
                } else {
                    throw new IllegalArgumentException("one game only");
                }
            }
            if (target == null) throw new IllegalArgumentException("no game given");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SlotGame game;
        try {
            Path p = Path.of(target);
            game = Files.isRegularFile(p) ? InHouseGames.load(p) : InHouseGames.loadResource("games/" + target + ".json");
        } catch (RuntimeException e) {
            err.println("cannot load " + target + ": " + e.getMessage());
            return 1;
        }
        int c = coins == null ? game.lobbyCoins() : coins;
        if (c > game.maxCoins()) {
            err.println("coins must be 1.." + game.maxCoins());
            return 2;
        }
        Simulation.Result r = reference
                ? Simulation.runReference(game, c, spins, threads, seed)
                : Simulation.run(new CompiledSlot(game, c), spins, threads, seed);
        report(game, c, r, exactRtp(game, c), reference, out);
        return 0;
    }

    /** The exact RTP at {@code coins}, or empty when the game's math cannot be established. */
    static Optional<Fraction> exactRtp(SlotGame game, int coins) {
        if (coins == game.lobbyCoins()) return Optional.of(game.lobbyParSheet().totalReturn());
        try {
            ParSheet s = game.definition().winCap().isPresent() ? PayTableMath.enumerate(game.engine(), coins) : PayTableMath.analyze(game.engine(), coins);
            return Optional.of(s.totalReturn());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the report. */
    static void report(SlotGame game, int coins, Simulation.Result r, Optional<Fraction> exact, boolean reference, PrintStream out) {
        BigDecimal rtp = r.rtp(), half = r.halfWidth99();
        BigDecimal lo = rtp.subtract(half), hi = rtp.add(half);
        out.println("Simulation: " + game.descriptor().name() + " (" + r.gameId() + "), coins " + coins + ", total bet = " + r.units() + " unit(s)");
        out.println(String.format("  %-26s %,d rounds on %d thread(s), seed %d, RNG SplittableRandom (simulation only)%s", "played",
                r.rounds(), r.threads(), r.seed(), reference ? ", reference play path" : ", compiled evaluator"));
        out.println(String.format("  %-26s %s", "RTP", Simulation.Result.percent(rtp, 4)));
        out.println(String.format("  %-26s [%s, %s] (RTP +- %s)", "99% confidence interval", Simulation.Result.percent(lo, 4),
                Simulation.Result.percent(hi, 4), Simulation.Result.percent(half, 4)));
        exact.ifPresent(x -> {
            BigDecimal e = x.toBigDecimal(10);
            boolean inside = e.compareTo(lo) >= 0 && e.compareTo(hi) <= 0;
            out.println(String.format("  %-26s %s (%s the interval)", "exact RTP", Simulation.Result.percent(e, 4), inside ? "inside" : "OUTSIDE"));
        });
        out.println(String.format("  %-26s %s (rounds that pay or trigger free spins)", "hit frequency", Simulation.Result.percent(r.hitFrequency(), 4)));
        out.println(String.format("  %-26s %s x total bet", "standard deviation / round", r.standardDeviation().setScale(4, RoundingMode.HALF_EVEN).toPlainString()));
        out.println(String.format("  %-26s %s x total bet (%,d units)", "largest win", r.largestWinTimesBet().stripTrailingZeros().toPlainString(), r.largestWin()));
        if (r.triggers() > 0 || game.definition().freeSpins().isPresent()) {
            out.println(String.format("  %-26s %,d triggers, %,d free spins", "free spins", r.triggers(), r.freeSpins()));
        }
        double spinsPerSecond = r.roundsPerSecond() * (r.rounds() + r.freeSpins()) / r.rounds();
        out.println(String.format("  %-26s %,.0f rounds/s, %,.0f spins/s with free spins (%.3f s wall, %.3f s CPU: %,.0f rounds per CPU-second)",
                "speed", r.roundsPerSecond(), spinsPerSecond, r.nanos() / 1e9, r.cpuNanos() / 1e9, r.roundsPerCpuSecond()));
    }
}
