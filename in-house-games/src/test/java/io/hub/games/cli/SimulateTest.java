package io.hub.games.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateTest {
    private static String run(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Simulate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedCode);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsEveryFigureForABuiltInGame() {
        String text = run(0, "red-white-blue", "--spins", "500000", "--threads", "2", "--seed", "9");
        assertThat(text).contains("Red White & Blue", "500,000 rounds on 2 thread(s), seed 9", "RTP", "99% confidence interval",
                "exact RTP                  86.5761 % (inside the interval)", "hit frequency", "standard deviation / round",
                "largest win", "rounds/s");
    }

    @Test
    void readsADefinitionFileAndPlaysOtherCoinCounts() throws URISyntaxException {
        Path file = Path.of(SimulateTest.class.getResource("/games-unseen/multiplier-sevens.json").toURI());
        assertThat(run(0, file.toString(), "--spins", "200000", "--threads", "1")).contains("Multiplier Sevens", "91.5375 % (inside the interval)");
        assertThat(run(0, "red-white-blue", "--spins", "200000", "--coins", "3")).contains("coins 3", "87.4673 %");
    }

    @Test
    void theReferencePathGivesTheSameNumbers() {
        String fast = run(0, "atkins-diet", "--spins", "20000", "--threads", "2", "--seed", "5");
        String reference = run(0, "atkins-diet", "--spins", "20000", "--threads", "2", "--seed", "5", "--reference");
        assertThat(reference).contains("reference play path");
        String rtpLine = fast.lines().filter(l -> l.contains("  RTP ")).findFirst().orElseThrow();
        assertThat(reference).contains(rtpLine);
    }

    @Test
    void badArguments() {
        assertThat(run(2)).contains("usage");
        assertThat(run(2, "red-white-blue", "--spins", "0")).contains("--spins must be positive");
        assertThat(run(2, "red-white-blue", "--bogus", "1")).contains("unknown option");
        assertThat(run(2, "red-white-blue", "--coins", "4")).contains("coins must be 1..3");
        assertThat(run(1, "no-such-game")).contains("cannot load");
    }
}
