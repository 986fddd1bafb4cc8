package io.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BenchConfigTest {

    @Test
    void defaults() {
        BenchConfig c = BenchConfig.parse(new String[0], new Properties(), 1_764_800_000L);

        assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(c.players()).isEqualTo(100);
        assertThat(c.spinsPerSecondPerPlayer()).isEqualTo(1.0);
        assertThat(c.durationSeconds()).isEqualTo(60);
        assertThat(c.warmupSeconds()).isEqualTo(10);
        assertThat(c.bet()).isEqualTo("1.00");
        assertThat(c.gameId()).isNull();
        assertThat(c.report()).isNull();
        assertThat(c.usernamePrefix()).isEqualTo("b1764800000");
        assertThat(c.fundAmount()).isEqualByComparingTo("1000.00");
        assertThat(c.setupParallelism()).isEqualTo(32);
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.label()).isEqualTo("100 players");
        assertThat(c.offeredSpinsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void argumentsBeatSystemProperties() {
        Properties sys = new Properties();
        sys.setProperty("bench.players", "7");
        sys.setProperty("bench.bet", "0.50");
        BenchConfig c = BenchConfig.parse(new String[] {"--players", "1000", "--report=out/r.md",
                "--baseUrl", "http://127.0.0.1:18080/", "--spinsPerSecondPerPlayer", "2.5"}, sys, 1L);

        assertThat(c.players()).isEqualTo(1000);
        assertThat(c.bet()).isEqualTo("0.50");
        assertThat(c.report()).isEqualTo(Path.of("out/r.md"));
        assertThat(c.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(c.offeredSpinsPerSecond()).isEqualTo(2500.0);
    }

    @Test
    void fundCoversALongRun() {
        // 10 spins/s for 200 s at 1.00 = 2000, x1.2 = 2400
        assertThat(BenchConfig.defaultFund(new BigDecimal("1.00"), 10, 200)).isEqualByComparingTo("2400.00");
        assertThat(BenchConfig.defaultFund(new BigDecimal("1.00"), 1, 70)).isEqualByComparingTo("1000.00");
    }

    @Test
    void refusesAnythingButLoopback() {
        assertThat(BenchConfig.isLoopbackHost("localhost")).isTrue();
        assertThat(BenchConfig.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(BenchConfig.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(BenchConfig.isLoopbackHost("127.1.2.3")).isTrue();
        assertThat(BenchConfig.isLoopbackHost("[::1]")).isTrue();
        assertThat(BenchConfig.isLoopbackHost("10.0.0.1")).isFalse();
        assertThat(BenchConfig.isLoopbackHost("127.0.0.300")).isFalse();
        assertThat(BenchConfig.isLoopbackHost("localhost.example.com")).isFalse();
        assertThat(BenchConfig.isLoopbackHost("127.0.0.1.nip.io")).isFalse();
        assertThat(BenchConfig.isLoopbackHost("hub.prod")).isFalse();
        assertThat(BenchConfig.isLoopbackHost(null)).isFalse();

        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--baseUrl", "http://casino.example.com"},
                new Properties(), 1L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost");
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--baseUrl", "ftp://localhost"}, new Properties(), 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--playerz", "3"}, new Properties(), 1L))
                .hasMessageContaining("unknown option --playerz");
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--players"}, new Properties(), 1L))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"100"}, new Properties(), 1L))
                .hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--players", "many"}, new Properties(), 1L))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--spinsPerSecondPerPlayer", "0"}, new Properties(), 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageListsEveryOption() {
        String usage = BenchConfig.usage();
        BenchConfig.OPTIONS.keySet().forEach(k -> assertThat(usage).contains("--" + k));
    }
}
