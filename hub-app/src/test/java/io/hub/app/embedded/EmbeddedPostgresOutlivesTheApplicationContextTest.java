package io.hub.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On JVM exit the embedded PostgreSQL is stopped only after every application context has closed: beans closing
 * (connection pools, the outbox relay, requests drained by the graceful shutdown) can still use the database, and
 * the JVM exits promptly. It used to register a JVM shutdown hook of its own, which stopped PostgreSQL concurrently
 * with the contexts' close: pools then retried connecting until their timeouts and a test JVM with three cached
 * contexts hung 30 s on exit.
 */
class EmbeddedPostgresOutlivesTheApplicationContextTest {

    @Test
    void databaseIsUsableWhileTheContextClosesAndStoppedAfterwards() throws Exception {
        Path dataDir = Path.of("target", "shutdown-probe").toAbsolutePath();
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownOrderProbe.class.getName(),
                "--hub.embedded.data-dir=" + dataDir, "--hub.embedded.reset=true", "--hub.embedded.postgres.port=0",
                "--spring.kafka.bootstrap-servers=localhost:1", "--logging.level.root=WARN", "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).start();
        boolean exited = child.waitFor(90, TimeUnit.SECONDS);
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) child.destroyForcibly();
        assertThat(exited).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("QUERY-ON-CLOSE 42");

        String url = out.lines().filter(l -> l.startsWith("POSTGRES-URL ")).findFirst().orElseThrow().substring(13);
        int port = URI.create(url.substring("jdbc:".length())).getPort();
        assertThat(port).isPositive();
        // and it was stopped: nothing listens on its port any more
        boolean listening;
        try (Socket s = new Socket("localhost", port)) {
            listening = true;
        } catch (IOException e) {
            listening = false;
        }
        assertThat(listening).as("embedded PostgreSQL still running on %d after the JVM exited", port).isFalse();
    }
}
