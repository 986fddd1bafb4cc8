package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String SCRAPE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2582912E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 4.194304E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 8.388608E7
            jvm_memory_used_bytes{area="nonheap",id="CodeHeap 'profiled nmethods'"} 1048576.0
            # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
            # TYPE process_cpu_usage gauge
            process_cpu_usage 0.0421
            process_files_open_files 182.0
            process_start_time_seconds 1.7648E9
            process_uptime_seconds 93.5
            jvm_info{runtime="OpenJDK Runtime Environment",vendor="Debian",version="17.0.15+6-Debian-1deb12u1"} 1
            jvm_threads_live_threads 57.0
            http_server_requests_seconds_count{uri="/a \\"quoted\\", b",status="200"} 3 1764800000000
            weird line without value
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} NaN
            # EOF
            """;

    @Test
    void parsesNamesLabelsValuesAndSkipsJunk() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples).extracting(PrometheusText.Sample::name).doesNotContain("weird");
        PrometheusText.Sample quoted = samples.stream()
                .filter(s -> s.name().equals("http_server_requests_seconds_count")).findFirst().orElseThrow();
        assertThat(quoted.labels()).containsEntry("uri", "/a \"quoted\", b").containsEntry("status", "200");
        assertThat(quoted.value()).isEqualTo(3.0);
        PrometheusText.Sample metaspace = samples.get(2);
        assertThat(metaspace.labels()).containsEntry("id", "Metaspace");
        assertThat(metaspace.value()).isEqualTo(8.388608E7);
    }

    @Test
    void sumsJvmMemoryAndCollectsProcessSeries() {
        PrometheusText.HubMetrics m = PrometheusText.summarize(PrometheusText.parse(SCRAPE));

        assertThat(m.jvmMemoryUsedBytes().getAsDouble()).isCloseTo(12_582_912 + 41_943_040 + 83_886_080 + 1_048_576.0,
                within(0.5));
        assertThat(m.jvmHeapUsedBytes().getAsDouble()).isCloseTo(54_525_952.0, within(0.5));
        assertThat(m.jvmNonHeapUsedBytes().getAsDouble()).isCloseTo(84_934_656.0, within(0.5));
        assertThat(m.process()).containsOnlyKeys("process_cpu_usage", "process_files_open_files",
                "process_start_time_seconds", "process_uptime_seconds");
        assertThat(m.extras()).containsEntry("jvm_threads_live_threads", 57.0);
        assertThat(m.jvmVersion()).isEqualTo("17.0.15+6-Debian-1deb12u1 (Debian)");
    }

    @Test
    void missingSeriesAreEmpty() {
        PrometheusText.HubMetrics m = PrometheusText.summarize(PrometheusText.parse("up 1\n"));

        assertThat(m.jvmMemoryUsedBytes()).isEmpty();
        assertThat(m.process()).isEmpty();
        assertThat(m.jvmVersion()).isNull();
    }
}
