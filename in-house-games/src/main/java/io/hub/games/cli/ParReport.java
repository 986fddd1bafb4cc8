package io.hub.games.cli;

import io.hub.games.InHouseGames;
import io.hub.games.math.Fraction;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import io.hub.games.slot.SlotGame;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the PAR report of a game definition: RTP (exact fraction and percent), its line / scatter / free-spin
 * parts, free-spin figures, line and round hit frequency, standard deviation and volatility, for every coin count.
 *
 * <p>Usage: {@code java -cp <classpath> io.hub.games.cli.ParReport <definition.json | built-in game id> [--no-enumeration]}.
 * A built-in id (e.g. {@code atkins-diet}) is read from the classpath ({@code games/<id>.json}). The full
 * enumeration (needed for round hit frequency and standard deviation) visits every stop combination: about a
 * second for Atkins Diet's 32^5 on 2 cores. Exit code 2 on bad arguments, 1 on an invalid definition.
 */
public final class ParReport {
    private ParReport() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /** Testable entry point; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String target = null;
        boolean enumerate = true;
        for (String a : args) {
            if (a.equals("--no-enumeration")) enumerate = false;
            else if (a.startsWith("--") || target != null) {
                err.println("usage: ParReport <definition.json | game id> [--no-enumeration]");
                return 2;
            } else target = a;
        }
        if (target == null) {
            err.println("usage: ParReport <definition.json | game id> [--no-enumeration]");
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
        report(game, enumerate, out);
        return 0;
    }

    /** Writes the report of {@code game} to {@code out}. */
    public static void report(SlotGame game, boolean enumerate, PrintStream out) {
        var d = game.descriptor();
        out.println("PAR report: " + d.name() + " (" + d.gameId() + ")");
        out.println("  window " + d.reels() + " reels x " + d.rows() + " rows, " + game.engine().lineCount() + " line(s), bet mode "
                + game.definition().bet().mode().name().toLowerCase() + ", lobby coins " + game.lobbyCoins());
        out.println("  source: " + game.definition().source());
        out.println("  descriptor: rtp " + d.rtp().toPlainString() + ", volatility " + d.volatility()
                + " (SD < " + SlotGame.LOW_BELOW + " low, < " + SlotGame.MEDIUM_BELOW + " medium, else high)");
        for (int coins = 1; coins <= game.maxCoins(); coins++) {
            ParSheet s = enumerate ? PayTableMath.enumerate(game.engine(), coins) : PayTableMath.analyze(game.engine(), coins);
            out.println();
            out.println("  coins " + coins + ":");
            line(out, "RTP", s.totalReturn(), true);
            line(out, "  line pays", s.lineReturn(), true);
            line(out, "  scatter pays", s.scatterReturn(), true);
            line(out, "  free spins", s.freeSpinReturn(), true);
            line(out, "line hit frequency", s.lineHitFrequency(), true);
            if (game.definition().freeSpins().isPresent()) {
                line(out, "P(trigger free spins)", s.triggerProbability(), false);
                line(out, "expected free spins", s.expectedFreeSpins(), false);
                line(out, "bonus win x total bet", s.bonusPerTrigger(), false);
            }
            s.enumeration().ifPresent(e -> {
                out.println(String.format("    %-24s %d", "combinations", e.combinations()));
                line(out, "round hit frequency", e.hitFrequency(), true);
                out.println(String.format("    %-24s %s x total bet (%s)", "standard deviation", e.standardDeviation().toPlainString(),
                        SlotGame.volatilityOf(e.standardDeviation())));
            });
        }
    }

    private static void line(PrintStream out, String label, Fraction f, boolean percent) {
        BigDecimal v = f.toBigDecimal(10);
        String shown = percent ? v.movePointRight(2).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %" : v.toPlainString();
        out.println(String.format("    %-24s %-18s = %s", label, shown, f));
    }
}
