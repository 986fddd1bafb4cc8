package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    static BenchConfig config() {
        return BenchConfig.parse(new String[] {"--players", "100", "--report", "r.md"}, new Properties(), 1_764_800_000L);
    }

    static BenchResult result(PrometheusText.HubMetrics metrics, String scrapeProblem) {
        Map<String, Long> errors = new TreeMap<>(Map.of("RATE_LIMITED", 12L, "INSUFFICIENT_FUNDS", 3L));
        BenchResult.Counts counts = new BenchResult.Counts(100, 60.0, 6000, 5990, 40, 5960, errors, 10, 2, 1, 0,
                5955, 5970, Map.of("close 1011 boom|bang", 1L), Map.of(), 1000, 998, 2);
        BenchResult.Setup setup = new BenchResult.Setup(100, 100, 0, 100, 100, 3.24, 1.5, List.of("b1-0007: HTTP 500\nstack"));
        return new BenchResult("100 players", Instant.parse("2026-11-29T10:15:30Z"),
                new MachineInfo(2, 24L * 1024 * 1024 * 1024, "17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6", "Linux 6.1 amd64"),
                config(), "red-white-blue", setup, counts,
                new LatencySummary(5960, 3.2, 5.75, 12.5, 40.125, 120.0, 3.9),
                new LatencySummary(5960, 3.1, 5.5, 11.0, 35.0, 110.0, 3.7),
                LatencySummary.EMPTY,
                metrics, scrapeProblem,
                new BenchResult.LoadGenerator(12.0, 60.0, 20.5, 100L * 1024 * 1024, 512L * 1024 * 1024, 30, 0.25, 21));
    }

    @Test
    void rendersHeadingMachineParametersAndResults() {
        String md = MarkdownReport.render(result(null, "GET /actuator/prometheus -> HTTP 401"));

        assertThat(md).startsWith("## Lobby spin: 100 players (2026-11-29 10:15:30 UTC)\n\n");
        assertThat(md).contains("**Machine:** 2 CPUs (nproc), 24.0 GiB RAM, Linux 6.1 amd64; load generator on Java 17.0.15");
        assertThat(md).contains("shares its CPUs with the hub");
        assertThat(md).contains("| Players requested / connected | 100 / 100 |");
        assertThat(md).contains("| Offered load (requested players) | 100 spins/s |");
        assertThat(md).contains("| Game | red-white-blue |");
        assertThat(md).contains("| Bet | 1.00 EUR |");
        assertThat(md).contains("| Latency recording | intended-start timestamps");
        assertThat(md).contains("**Set-up:** 100 created, 100 funded in 3.2 s; 100 logged in and connected in 1.5 s");
        assertThat(md).contains("- b1-0007: HTTP 500 stack\n");
        assertThat(md).contains("| Offered spins/s (connected players) | 100 |");
        assertThat(md).contains("| Achieved spins/s (spinResult replies arriving in the window) | 99.25 |");
        assertThat(md).contains("| Achieved replies/s (spinResult + error) | 99.50 |");
        assertThat(md).contains("| spinResult | 5960 (99.33 %) |");
        assertThat(md).contains("| Delayed sends (previous reply still pending when due) | 40 (0.67 %) |");
        assertThat(md).contains("| Error INSUFFICIENT_FUNDS | 3 (0.05 %) |\n| Error RATE_LIMITED | 12 (0.20 %) |");
        assertThat(md).contains("| Timeouts (no reply in 10 s) | 10 (0.17 %) |");
        assertThat(md).contains("| Socket closes/errors during the run (all phases) | 1 (close 1011 boom\\|bang: 1) |");
        assertThat(md).contains("| Late or unmatched replies (all phases) | 0 |");
        assertThat(md).contains("| Warm-up: sent / spinResult / errors | 1000 / 998 / 2 |");
        assertThat(md).contains("Not available: GET /actuator/prometheus -> HTTP 401");
        assertThat(md).contains("| CPU during the measurement window | 12.0 s in 60 s = 0.20 cores (of 2) |");
        assertThat(md).contains("| Heap used at the end / max | 100.0 MiB / 512.0 MiB |");
        assertThat(md).contains("| GC collections / time | 30 / 0.25 s |");
    }

    @Test
    void latencyTableHasPercentilesInMilliseconds() {
        String md = MarkdownReport.render(result(null, "x"));

        assertThat(md).contains("| Measure | count | p50 | p90 | p99 | p99.9 | max | mean |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| **Response time** (intended send → reply; spinResult only) | 5960 | 3.20 | 5.75 | 12.50 | 40.13 | 120.00 | 3.90 |\n"
                + "| Service time (actual send → reply) | 5960 | 3.10 | 5.50 | 11.00 | 35.00 | 110.00 | 3.70 |\n"
                + "| Send lag (actual − intended send) | 0 | n/a | n/a | n/a | n/a | n/a | n/a |\n");
    }

    @Test
    void rendersHubMetrics() {
        Map<String, Double> process = new LinkedHashMap<>();
        process.put("process_cpu_usage", 0.0421);
        process.put("process_uptime_seconds", 93.5);
        process.put("process_files_open_files", 182.0);
        process.put("process_start_time_seconds", 1_764_400_000.0);
        process.put("process_cpu_time_ns_total", 32_600_000_000.0);
        PrometheusText.HubMetrics m = new PrometheusText.HubMetrics(OptionalDouble.of(300 * 1024 * 1024.0),
                OptionalDouble.of(200 * 1024 * 1024.0), OptionalDouble.empty(), process,
                Map.of("jvm_threads_live_threads", 57.0), "17.0.15 (Debian)");

        String md = MarkdownReport.render(result(m, null));

        assertThat(md).contains("hub on Java 17.0.15 (Debian)");
        assertThat(md).contains("| jvm_memory_used_bytes (sum of all areas) | 300.0 MiB |");
        assertThat(md).contains("| jvm_memory_used_bytes{area=\"heap\"} | 200.0 MiB |");
        assertThat(md).contains("| jvm_memory_used_bytes{area=\"nonheap\"} | n/a |");
        assertThat(md).contains("| process_cpu_usage | 0.0421 |");
        assertThat(md).contains("| process_uptime_seconds | 93.5 s |");
        assertThat(md).contains("| process_files_open_files | 182 |");
        assertThat(md).contains("| process_start_time_seconds | 2025-11-29 07:06:40 UTC |");
        assertThat(md).contains("| process_cpu_time_ns_total | 32.6 s |");
        assertThat(md).contains("| jvm_threads_live_threads (sum) | 57 |");
        assertThat(md).doesNotContain("Not available");
    }

    @Test
    void formattingHelpers() {
        assertThat(MarkdownReport.num(100.0)).isEqualTo("100");
        assertThat(MarkdownReport.num(99.254)).isEqualTo("99.25");
        assertThat(MarkdownReport.ms(Double.NaN)).isEqualTo("n/a");
        assertThat(MarkdownReport.ms(0.0456)).isEqualTo("0.05");
        assertThat(MarkdownReport.count(0, 100)).isEqualTo("0");
        assertThat(MarkdownReport.count(5, 0)).isEqualTo("5");
        assertThat(MarkdownReport.cell("a|b\nc")).isEqualTo("a\\|b c");
        assertThat(MarkdownReport.breakdown(Map.of())).isEqualTo("0");
        assertThat(MarkdownReport.breakdown(new TreeMap<>(Map.of("a", 2L, "b", 3L)))).isEqualTo("5 (a: 2; b: 3)");
    }
}
