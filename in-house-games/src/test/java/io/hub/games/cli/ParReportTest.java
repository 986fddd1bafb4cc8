package io.hub.games.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParReportTest {
    private static String run(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ParReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedCode);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsRedWhiteBlue() {
        String text = run(0, "red-white-blue");
        assertThat(text).contains("Red White & Blue", "coins 1:", "coins 3:", "113477/131072", "687871/786432",
                "86.576080 %", "87.467321 %", "17.346191 %", "standard deviation");
    }

    @Test
    void reportsAtkinsDietWithoutEnumeration() {
        String text = run(0, "atkins-diet", "--no-enumeration");
        assertThat(text).contains("60651793523489/62498132721664", "97.045769 %", "P(trigger free spins)", "11.2593354");
    }

    /**
     * The PAR reports committed in docs/games are the CLI's current output (first line: the command that made them),
     * so a change to a game or to the math cannot leave them stale.
     */
    @Test
    void committedReportsAreCurrent() throws java.io.IOException {
        java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "games");
        for (String[] r : new String[][]{{"atkins-diet", "atkins-diet"}, {"red-white-blue", "red-white-blue"},
                {"multiplier-sevens", "src/test/resources/games-unseen/multiplier-sevens.json"}}) {
            String committed = java.nio.file.Files.readString(docs.resolve(r[0] + "-par.txt"), StandardCharsets.UTF_8);
            assertThat(committed.lines().findFirst().orElseThrow()).startsWith("$ java -cp ").contains("io.hub.games.cli.ParReport");
            String body = committed.substring(committed.indexOf('\n') + 1);
            assertThat(run(0, r[1])).as(r[0]).isEqualTo(body);
        }
    }

    @Test
    void badArguments() {
        assertThat(run(2)).contains("usage");
        assertThat(run(1, "no-such-game")).contains("cannot load");
    }
}
