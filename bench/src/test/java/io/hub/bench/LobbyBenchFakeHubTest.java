package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end against {@link FakeHub} (JDK-only stand-in on 127.0.0.1); the real hub is not needed. About 15 s. */
class LobbyBenchFakeHubTest {

    @Test
    void fastHubAnswersEverySpinAndTheReportIsAppended(@TempDir Path dir) throws Exception {
        try (FakeHub hub = new FakeHub(0, 0)) {
            Path report = dir.resolve("reports/lobby.md");
            BenchConfig cfg = BenchConfig.parse(new String[] {"--baseUrl", hub.baseUrl().toString(), "--players", "5",
                    "--spinsPerSecondPerPlayer", "5", "--warmupSeconds", "1", "--durationSeconds", "2",
                    "--prefix", "t1", "--report", report.toString()}, new Properties(), 1L);

            assertThat(new LobbyBench(cfg).run()).isZero();

            String md = Files.readString(report);
            assertThat(md).startsWith("## Lobby spin: 5 players");
            assertThat(md).contains("| Game | red-white-blue |");
            assertThat(md).contains("| Spins due in the window | 50 |");
            assertThat(md).contains("| spinResult | 50 (100.00 %) |");
            assertThat(md).contains("| Errors | 0 |");
            assertThat(md).contains("| Timeouts (no reply in 10 s) | 0 |");
            assertThat(md).contains("| Socket closes/errors during the run (all phases) | 0 |");
            assertThat(md).contains("| process_cpu_usage | 0.5000 |");

            // same prefix again: every player exists (409), its id comes from the JWT, and the run still works
            BenchResult again = new LobbyBench(cfg).execute();
            assertThat(again.setup().alreadyExisted()).isEqualTo(5);
            assertThat(again.setup().connected()).isEqualTo(5);
            assertThat(again.counts().spinResults()).isEqualTo(50);
        }
    }

    @Test
    void slowHubDelaysSpinsAndTheCorrectedLatencyShowsIt() throws Exception {
        // due every 200 ms, answered after 300 ms; every 4th spin is RATE_LIMITED
        try (FakeHub hub = new FakeHub(300, 4)) {
            BenchConfig cfg = BenchConfig.parse(new String[] {"--baseUrl", hub.baseUrl().toString(), "--players", "3",
                    "--spinsPerSecondPerPlayer", "5", "--warmupSeconds", "1", "--durationSeconds", "2",
                    "--replyTimeoutSeconds", "1", "--gameId", "red-white-blue"}, new Properties(), 2L);

            BenchResult r = new LobbyBench(cfg).execute();

            BenchResult.Counts c = r.counts();
            assertThat(c.scheduled()).isEqualTo(30);
            assertThat(c.delayed()).isPositive();
            assertThat(c.errors()).containsKey("RATE_LIMITED");
            assertThat(c.spinResults() + c.errorTotal() + c.timeouts() + c.unsentAtEnd()).isEqualTo(30);
            assertThat(c.unsentAtEnd()).isPositive(); // the backlog outlived the 1 s drain
            assertThat(c.achievedRepliesPerSecond()).isLessThan(c.offeredSpinsPerSecond());
            assertThat(r.serviceTime().p50Ms()).isBetween(295.0, 450.0);
            assertThat(r.responseTime().maxMs()).isGreaterThan(r.serviceTime().maxMs() + 300);
        }
    }
}
