package io.hub.games.cli;

import io.hub.games.InHouseGames;
import io.hub.games.rng.DrbgRandomSource;
import io.hub.games.rng.UniformScaler;
import io.hub.games.slot.SlotEngine;
import io.hub.games.slot.SlotGame;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scaled-output collection tool (GLI RNG submission: "outcome collection tool, scaled as in production"): draws
 * with the production DRBG ({@link DrbgRandomSource}) through the production scaling and writes one line of
 * decimal text per draw.
 *
 * <ul>
 *   <li>{@code ScaledRng <definition.json | game id> [--spins N]}: the reel stops of a game, one spin per line,
 *   one 0-based stop index per reel separated by spaces ({@link SlotEngine#drawStops}, the call real play
 *   makes; weighted reels map through their cumulative weights). The first line is a {@code #} comment naming the
 *   game and each reel's stop count.</li>
 *   <li>{@code ScaledRng --bound B [--count N]}: integers uniform in {@code [0, B)} ({@link UniformScaler}
 *   rejection sampling), one per line.</li>
 * </ul>
 * Options: {@code --reseed-after N}, {@code --personalization TEXT}. Written to file descriptor 1 through a
 * {@link BufferedOutputStream} (never a {@link PrintStream}, which would swallow errors); when the reader closes the
 * pipe the tool stops with exit code 0. Without {@code --spins}/{@code --count} it runs until then. Exit code 1 for
 * an invalid definition, 2 for bad arguments.
 */
public final class ScaledRng {
    private ScaledRng() {
    }

    public static void main(String[] args) {
        int code = run(args, new FileOutputStream(FileDescriptor.out), System.err);
        System.exit(code);
    }

    private static final String USAGE = "usage: ScaledRng <definition.json | game id> [--spins N] | ScaledRng --bound B [--count N]"
            + " [--reseed-after N] [--personalization TEXT]";

    /** Testable entry point; returns the exit code. */
    public static int run(String[] args, OutputStream rawOut, PrintStream err) {
        String target = null;
        long count = Long.MAX_VALUE;
        Integer bound = null;
        DrbgRandomSource.Settings defaults = DrbgRandomSource.Settings.defaults();
        long reseedAfter = defaults.reseedAfterDraws();
        String personalization = defaults.personalization() + "|scaled-output-tool";
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    if (target != null) throw new IllegalArgumentException("one game only");
                    target = a;
                    continue;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                String v = args[++i];
                switch (a) {
                    case "--spins", "--count" -> count = RawRng.positive(v, a);
                    case "--bound" -> bound = (int) Math.min(RawRng.positive(v, a), Integer.MAX_VALUE);
                    case "--reseed-after" -> reseedAfter = RawRng.positive(v, a);
                    case "--personalization" -> personalization = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if ((target == null) == (bound == null)) throw new IllegalArgumentException("give a game or --bound, not both");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SlotEngine engine = null;
        if (target != null) {
            try {
                Path p = Path.of(target);
                SlotGame game = Files.isRegularFile(p) ? InHouseGames.load(p) : InHouseGames.loadResource("games/" + target + ".json");
                engine = game.engine();
            } catch (RuntimeException e) {
                err.println("cannot load " + target + ": " + e.getMessage());
                return 1;
            }
        }
        DrbgRandomSource rng = new DrbgRandomSource(new DrbgRandomSource.Settings(reseedAfter, defaults.reseedInterval(), personalization));
        OutputStream out = new BufferedOutputStream(rawOut, 1 << 16);
        long written = 0;
        StringBuilder line = new StringBuilder(64);
        try {
            if (engine != null) {
                line.append("# ").append(engine.definition().gameId()).append(" reel stops, 0-based; stops per reel:");
                for (int r = 0; r < engine.reelCount(); r++) line.append(' ').append(engine.stopCount(r));
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
            while (written < count) {
                line.setLength(0);
                if (engine != null) {
                    int[] stops = engine.drawStops(rng);
                    for (int r = 0; r < stops.length; r++) {
                        if (r > 0) line.append(' ');
                        line.append(stops[r]);
                    }
                } else {
                    line.append(rng.nextInt(bound));
                }
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                written++;
            }
            out.flush();
        } catch (IOException e) {
            err.println("ScaledRng: output closed after " + written + " lines (" + e.getMessage() + "); stopping");
            return 0;
        }
        return 0;
    }
}
