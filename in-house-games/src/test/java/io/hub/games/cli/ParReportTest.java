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

    @Test
    void badArguments() {
        assertThat(run(2)).contains("usage");
        assertThat(run(1, "no-such-game")).contains("cannot load");
    }
}
