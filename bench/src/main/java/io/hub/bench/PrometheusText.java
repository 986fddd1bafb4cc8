package io.hub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A small parser for the Prometheus text exposition format (and the OpenMetrics text that Micrometer may serve). */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** What the report shows about the hub's memory and process, from one scrape. */
    public record HubMetrics(
            OptionalDouble jvmMemoryUsedBytes,
            OptionalDouble jvmHeapUsedBytes,
            OptionalDouble jvmNonHeapUsedBytes,
            Map<String, Double> process,
            Map<String, Double> extras,
            String jvmVersion) {
    }

    /** Other series worth a line in the report when present (summed over their labels). */
    static final List<String> EXTRA_SERIES = List.of(
            "jvm_memory_committed_bytes",
            "jvm_memory_max_bytes",
            "jvm_threads_live_threads",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum",
            "system_cpu_usage",
            "hikaricp_connections_active");

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Sample s = parseLine(line);
            if (s != null) {
                samples.add(s);
            }
        }
        return samples;
    }

    /** Returns null for a line it cannot read rather than failing the whole scrape. */
    static Sample parseLine(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        if (name.isEmpty()) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < n && line.charAt(i) == '{') {
            i++;
            while (true) {
                while (i < n && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= n || line.charAt(eq + 1) != '"') {
                    return null;
                }
                String key = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                boolean closed = false;
                while (j < n) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < n) {
                        char e = line.charAt(j + 1);
                        value.append(e == 'n' ? '\n' : e);
                        j += 2;
                    } else if (c == '"') {
                        closed = true;
                        j++;
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (!closed) {
                    return null;
                }
                labels.put(key, value.toString());
                i = j;
            }
        }
        String rest = line.substring(i).strip();
        if (rest.isEmpty()) {
            return null;
        }
        String valueText = rest.split("\\s+")[0];
        double value;
        try {
            value = switch (valueText) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(valueText);
            };
        } catch (NumberFormatException e) {
            return null;
        }
        return new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    /** Sum of all series named {@code name}; empty if there is none. */
    public static OptionalDouble sum(List<Sample> samples, String name) {
        return sum(samples, name, null, null);
    }

    /** Sum of the series named {@code name} whose label {@code label} equals {@code labelValue} (no filter when null). */
    public static OptionalDouble sum(List<Sample> samples, String name, String label, String labelValue) {
        double total = 0;
        boolean found = false;
        for (Sample s : samples) {
            if (s.name().equals(name) && (label == null || labelValue.equals(s.labels().get(label)))) {
                if (!Double.isNaN(s.value())) {
                    total += s.value();
                }
                found = true;
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    public static HubMetrics summarize(List<Sample> samples) {
        Map<String, Double> process = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.name().startsWith("process_")) {
                process.merge(s.name(), s.value(), Double::sum);
            }
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        for (String series : EXTRA_SERIES) {
            OptionalDouble v = sum(samples, series);
            if (v.isPresent()) {
                extras.put(series, v.getAsDouble());
            }
        }
        String jvmVersion = null;
        for (Sample s : samples) {
            if (s.name().equals("jvm_info") || s.name().equals("jvm_info_total")) {
                String version = s.labels().get("version");
                String vendor = s.labels().get("vendor");
                if (version != null) {
                    jvmVersion = vendor == null ? version : version + " (" + vendor + ")";
                }
            }
        }
        return new HubMetrics(
                sum(samples, "jvm_memory_used_bytes"),
                sum(samples, "jvm_memory_used_bytes", "area", "heap"),
                sum(samples, "jvm_memory_used_bytes", "area", "nonheap"),
                process,
                extras,
                jvmVersion);
    }
}
