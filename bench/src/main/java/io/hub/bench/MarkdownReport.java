package io.hub.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Renders a {@link BenchResult} as a Markdown section (a level-2 heading and tables). Pure: no I/O. */
public final class MarkdownReport {

    static final String RECORDING_METHOD = "intended-start timestamps: latency = reply time − the time the spin was due "
            + "on the fixed schedule (coordinated-omission corrected; no recordValueWithExpectedInterval)";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MarkdownReport() {
    }

    public static String render(BenchResult r) {
        StringBuilder md = new StringBuilder();
        BenchConfig c = r.config();
        BenchResult.Counts n = r.counts();
        BenchResult.Setup s = r.setup();

        md.append("## Lobby spin: ").append(r.label()).append(" (").append(TIME.format(r.startedAt())).append(")\n\n");

        MachineInfo m = r.machine();
        md.append("**Machine:** ").append(m.cpus()).append(" CPUs (nproc), ")
                .append(m.totalMemoryBytes() > 0 ? gib(m.totalMemoryBytes()) : "unknown").append(" RAM, ")
                .append(m.os().trim()).append("; load generator on Java ").append(m.javaVersion())
                .append(" (").append(m.javaVm().trim()).append(")");
        if (r.hubMetrics() != null && r.hubMetrics().jvmVersion() != null) {
            md.append(", hub on Java ").append(r.hubMetrics().jvmVersion());
        }
        md.append(". The load generator runs on the same machine and shares its CPUs with the hub.\n\n");

        md.append("### Parameters\n\n");
        md.append("| Parameter | Value |\n|---|---|\n");
        row(md, "Base URL", c.baseUrl().toString());
        row(md, "Players requested / connected", s.requested() + " / " + s.connected());
        row(md, "Spins/s per player", num(c.spinsPerSecondPerPlayer()));
        row(md, "Offered load (requested players)", num(c.offeredSpinsPerSecond()) + " spins/s");
        row(md, "Warm-up (not recorded)", c.warmupSeconds() + " s");
        row(md, "Measurement window", c.durationSeconds() + " s");
        row(md, "Game", r.gameId());
        row(md, "Bet", c.bet() + " " + c.currency());
        row(md, "Funding per player", c.fundAmount().toPlainString() + " " + c.currency());
        row(md, "Reply timeout", c.replyTimeout().toSeconds() + " s");
        row(md, "Load model", "open loop, spins spread evenly over each interval, at most one spin in flight per player");
        row(md, "Latency recording", RECORDING_METHOD);
        md.append('\n');

        md.append("**Set-up:** ").append(s.created()).append(" created");
        if (s.alreadyExisted() > 0) {
            md.append(", ").append(s.alreadyExisted()).append(" already existed");
        }
        md.append(", ").append(s.funded()).append(" funded in ").append(secs(s.accountsSeconds()))
                .append("; ").append(s.connected()).append(" logged in and connected in ").append(secs(s.connectSeconds()))
                .append(" (").append(c.setupParallelism()).append(" concurrent HTTP calls).\n");
        if (!s.problems().isEmpty()) {
            md.append("\nSet-up problems (first ").append(s.problems().size()).append("):\n\n");
            for (String p : s.problems()) {
                md.append("- ").append(oneLine(p)).append('\n');
            }
        }
        md.append('\n');

        md.append("### Results\n\n");
        md.append("| Metric | Value |\n|---|---|\n");
        row(md, "Offered spins/s (connected players)", num(n.offeredSpinsPerSecond()));
        row(md, "Achieved spins/s (spinResult replies arriving in the window)", num(n.achievedSpinsPerSecond()));
        row(md, "Achieved replies/s (spinResult + error)", num(n.achievedRepliesPerSecond()));
        row(md, "Spins due in the window", Long.toString(n.scheduled()));
        row(md, "Sent", Long.toString(n.sent()));
        row(md, "Delayed sends (previous reply still pending when due)", count(n.delayed(), n.scheduled()));
        row(md, "spinResult", count(n.spinResults(), n.scheduled()));
        if (n.errors().isEmpty()) {
            row(md, "Errors", "0");
        } else {
            for (Map.Entry<String, Long> e : n.errors().entrySet()) {
                row(md, "Error " + e.getKey(), count(e.getValue(), n.scheduled()));
            }
        }
        row(md, "Timeouts (no reply in " + c.replyTimeout().toSeconds() + " s)", count(n.timeouts(), n.scheduled()));
        row(md, "Lost in flight when a socket closed", Long.toString(n.lostOnClose()));
        row(md, "Not sent: backlog at end of drain", Long.toString(n.unsentAtEnd()));
        row(md, "Not sent: socket closed", Long.toString(n.unsentSocketClosed()));
        row(md, "Socket closes/errors during the run (all phases)", breakdown(n.socketCloses()));
        row(md, "Late or unmatched replies (all phases)", breakdown(n.lateOrUnmatchedReplies()));
        row(md, "Warm-up: sent / spinResult / errors", n.warmupSent() + " / " + n.warmupSpinResults() + " / "
                + n.warmupErrors());
        md.append('\n');

        md.append("### Latency (ms)\n\n");
        md.append("| Measure | count | p50 | p90 | p99 | p99.9 | max | mean |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        latencyRow(md, "**Response time** (intended send → reply; spinResult only)", r.responseTime());
        latencyRow(md, "Service time (actual send → reply)", r.serviceTime());
        latencyRow(md, "Send lag (actual − intended send)", r.sendLag());
        md.append('\n');

        BenchResult.LoadGenerator g = r.loadGenerator();
        md.append("### Load generator (this JVM, same machine)\n\n");
        md.append("| Metric | Value |\n|---|---|\n");
        row(md, "CPU during the measurement window", Double.isNaN(g.windowCpuSeconds()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f s in %.0f s = %.2f cores (of %d)", g.windowCpuSeconds(),
                        g.windowSeconds(), g.windowCores(), m.cpus()));
        row(md, "CPU in total (JVM start, set-up, run)", Double.isNaN(g.totalCpuSeconds()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f s", g.totalCpuSeconds()));
        row(md, "Heap used at the end / max", (g.heapUsedBytes() < 0 ? "n/a" : mib(g.heapUsedBytes())) + " / "
                + (g.heapMaxBytes() < 0 ? "n/a" : mib(g.heapMaxBytes())));
        row(md, "GC collections / time", g.gcCount() < 0 ? "n/a"
                : String.format(Locale.ROOT, "%d / %.2f s", g.gcCount(), g.gcSeconds()));
        row(md, "Live threads", g.threads() < 0 ? "n/a" : Integer.toString(g.threads()));
        md.append('\n');

        md.append("### Hub process (GET /actuator/prometheus after the run)\n\n");
        if (r.hubMetrics() == null) {
            md.append("Not available: ").append(oneLine(r.scrapeProblem() == null ? "no scrape" : r.scrapeProblem()))
                    .append("\n\n");
        } else {
            PrometheusText.HubMetrics h = r.hubMetrics();
            md.append("| Metric | Value |\n|---|---|\n");
            row(md, "jvm_memory_used_bytes (sum of all areas)", bytes(h.jvmMemoryUsedBytes()));
            row(md, "jvm_memory_used_bytes{area=\"heap\"}", bytes(h.jvmHeapUsedBytes()));
            row(md, "jvm_memory_used_bytes{area=\"nonheap\"}", bytes(h.jvmNonHeapUsedBytes()));
            for (Map.Entry<String, Double> e : h.process().entrySet()) {
                row(md, e.getKey(), metricValue(e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, Double> e : h.extras().entrySet()) {
                row(md, e.getKey() + " (sum)", metricValue(e.getKey(), e.getValue()));
            }
            if (h.process().isEmpty()) {
                md.append("\nNo `process_*` series in the scrape.\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    static void latencyRow(StringBuilder md, String name, LatencySummary l) {
        md.append("| ").append(name).append(" | ").append(l.count());
        for (double v : new double[] {l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), l.meanMs()}) {
            md.append(" | ").append(ms(v));
        }
        md.append(" |\n");
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String count(long value, long of) {
        if (of <= 0 || value == 0) {
            return Long.toString(value);
        }
        return String.format(Locale.ROOT, "%d (%.2f %%)", value, 100.0 * value / of);
    }

    static String secs(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String bytes(OptionalDouble b) {
        return b.isPresent() ? mib(b.getAsDouble()) : "n/a";
    }

    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String metricValue(String name, double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (name.endsWith("_bytes")) {
            return mib(v);
        }
        if (name.equals("process_start_time_seconds")) {
            return TIME.format(java.time.Instant.ofEpochMilli(Math.round(v * 1000)));
        }
        if (name.endsWith("_ns") || name.endsWith("_ns_total")) {
            return String.format(Locale.ROOT, "%.1f s", v / 1e9);
        }
        if (name.endsWith("_seconds") || name.endsWith("_seconds_sum") || name.endsWith("_seconds_total")) {
            return String.format(Locale.ROOT, "%.1f s", v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** "0", or "total (key: n; key: n)". */
    static String breakdown(Map<String, Long> closes) {
        if (closes.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : closes.entrySet()) {
            total += e.getValue();
        }
        sb.append(total).append(" (");
        List<Map.Entry<String, Long>> entries = List.copyOf(closes.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(entries.get(i).getKey()).append(": ").append(entries.get(i).getValue());
        }
        return sb.append(')').toString();
    }

    static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(cell(name)).append(" | ").append(cell(value)).append(" |\n");
    }

    /** A table cell: one line, pipes escaped. */
    static String cell(String s) {
        return oneLine(s == null ? "" : s).replace("|", "\\|");
    }

    static String oneLine(String s) {
        return s.replace("\r", " ").replace("\n", " ").strip();
    }
}
