package io.hub.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL and Kafka broker before the application context, once per JVM, when they are
 * not configured externally:
 * <ul>
 *   <li>no {@code spring.datasource.url} → PostgreSQL on {@code hub.embedded.postgres.port} (default 54329) with its
 *       data in {@code hub.embedded.data-dir}/postgres (default {@code ./data/postgres}), kept across restarts;
 *       {@code hub.embedded.reset=true} wipes it first;</li>
 *   <li>no {@code spring.kafka.bootstrap-servers} → one Kafka node (KRaft, broker and controller) on
 *       {@code hub.embedded.kafka.port} (default 9092; controller 9093) with its log in {@code data-dir}/kafka, kept
 *       across restarts too; topics are created on first use with {@code hub.embedded.kafka.partitions} partitions.</li>
 * </ul>
 * A port of 0 picks a free port (the tests do). The JDBC URL and bootstrap address are logged so that
 * {@code psql} and Kafka's own tools can attach. Both are stopped after every application context has closed.
 */
public class EmbeddedInfrastructure implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;
    private static EmbeddedKafka kafka;
    private static String bootstrap;
    // where and how the Kafka node was started, so a test can restart it identically
    private static Path kafkaLogDir;
    private static int kafkaPort;
    private static int kafkaControllerPort;
    private static int kafkaPartitions;
    private static boolean shutdownRegistered;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files are loaded
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("hub.embedded.enabled", Boolean.class, true)) return;
        Map<String, Object> props = new HashMap<>();
        synchronized (EmbeddedInfrastructure.class) {
            if (!env.containsProperty("spring.datasource.url")) {
                if (postgres == null) startPostgres(env);
                props.put("spring.datasource.url", jdbcUrl);
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
            }
            if (!env.containsProperty("spring.kafka.bootstrap-servers")) {
                if (kafka == null) startKafka(env);
                props.put("spring.kafka.bootstrap-servers", bootstrap);
            }
            if (!shutdownRegistered && (postgres != null || kafka != null)) {
                SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::stop);
                shutdownRegistered = true;
            }
        }
        if (!props.isEmpty()) env.getPropertySources().addFirst(new MapPropertySource("hub-embedded", props));
    }

    private static void startPostgres(ConfigurableEnvironment env) {
        int port = freeIfZero(env.getProperty("hub.embedded.postgres.port", Integer.class, 54329));
        Path dataDir = dataDir(env).resolve("postgres");
        if (env.getProperty("hub.embedded.reset", Boolean.class, false)) delete(dataDir);
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            long t0 = System.nanoTime();
            postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false)
                    // no JVM hook of its own: it would stop PostgreSQL while the contexts are still closing (in-flight
                    // requests, the outbox relay, connection pools); stop() runs after every context has closed
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", env.getProperty("hub.embedded.postgres.max-connections", "200"))
                    .setServerConfig("shared_buffers", env.getProperty("hub.embedded.postgres.shared-buffers", "128MB"))
                    .setServerConfig("synchronous_commit", env.getProperty("hub.embedded.postgres.synchronous-commit", "on"))
                    // zonky starts postgres with -F (fsync off) for tests; a ledger wants its commits on disk
                    .setServerConfig("fsync", env.getProperty("hub.embedded.postgres.fsync", "on"))
                    .start();
            jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            log.info("Embedded PostgreSQL ready in {} ms: {} (user postgres, no password; psql -h localhost -p {} -U postgres), data in {}",
                    (System.nanoTime() - t0) / 1_000_000, jdbcUrl, postgres.getPort(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + port + " (data " + dataDir + ")", e);
        }
    }

    private static void startKafka(ConfigurableEnvironment env) {
        int port = freeIfZero(env.getProperty("hub.embedded.kafka.port", Integer.class, 9092));
        int controllerPort = freeIfZero(env.getProperty("hub.embedded.kafka.controller-port", Integer.class, 9093));
        int partitions = env.getProperty("hub.embedded.kafka.partitions", Integer.class, 3);
        Path logDir = dataDir(env).resolve("kafka");
        if (env.getProperty("hub.embedded.reset", Boolean.class, false)) delete(logDir);
        long t0 = System.nanoTime();
        kafka = EmbeddedKafka.start(logDir, port, controllerPort, partitions);
        bootstrap = kafka.bootstrapServers();
        kafkaLogDir = logDir;
        kafkaPort = port;
        kafkaControllerPort = controllerPort;
        kafkaPartitions = partitions;
        log.info("Embedded Kafka (KRaft) ready in {} ms: bootstrap {} (e.g. kafka-console-consumer.sh --bootstrap-server {} --topic wallet.transactions --from-beginning), log in {}",
                (System.nanoTime() - t0) / 1_000_000, bootstrap, bootstrap, logDir);
    }

    /**
     * A hub killed without its shutdown (SIGKILL, power loss) leaves its PostgreSQL running on the data directory;
     * stop that server (fast shutdown: SIGINT to the postmaster) before starting a new one on the same data.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        // zonky keeps a file lock on epg-lock for as long as its owner runs: a lock we cannot take means a live hub
        // owns this PostgreSQL, which must be left alone
        Path lockFile = dataDir.resolve("epg-lock");
        if (Files.exists(lockFile)) {
            try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
                var lock = channel.tryLock();
                if (lock == null) {
                    throw new IllegalStateException("another running hub uses the embedded PostgreSQL data in " + dataDir
                            + "; stop it, or start this one with another --hub.embedded.data-dir");
                }
                lock.release();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                throw new IllegalStateException("this JVM already runs an embedded PostgreSQL on " + dataDir, e);
            }
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("[0-9]+")) return;
        var handle = ProcessHandle.of(Long.parseLong(first));
        if (handle.isEmpty() || !handle.get().isAlive()) return;
        log.warn("stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run", first, dataDir);
        try {
            new ProcessBuilder("kill", "-INT", first).inheritIO().start().waitFor();
            handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("could not stop the orphaned PostgreSQL pid " + first + " on " + dataDir, e);
        }
    }

    private static Path dataDir(ConfigurableEnvironment env) {
        return Path.of(env.getProperty("hub.embedded.data-dir", "./data")).toAbsolutePath().normalize();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        log.warn("hub.embedded.reset=true: deleting {}", dir);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeIfZero(int port) {
        if (port != 0) return port;
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For tests only: stops the embedded Kafka node (the hub's producers and consumers then see an outage) and keeps
     * its ports and log directory for {@link #restartKafkaForTest()}.
     *
     * @throws IllegalStateException if this JVM did not start an embedded Kafka node or it is already stopped
     */
    static synchronized void stopKafkaForTest() {
        if (kafka == null) throw new IllegalStateException("no embedded Kafka node is running");
        kafka.close();
        kafka = null;
        log.warn("embedded Kafka stopped (test hook); bootstrap {} is unreachable until restarted", bootstrap);
    }

    /**
     * For tests only: starts the embedded Kafka node again on the same ports with the same log directory (so topics,
     * offsets and records survive). Does nothing if it is running.
     */
    static synchronized void restartKafkaForTest() {
        if (kafka != null) return;
        if (kafkaLogDir == null) throw new IllegalStateException("this JVM never started an embedded Kafka node");
        long t0 = System.nanoTime();
        kafka = EmbeddedKafka.start(kafkaLogDir, kafkaPort, kafkaControllerPort, kafkaPartitions);
        log.warn("embedded Kafka restarted (test hook) in {} ms: bootstrap {}", (System.nanoTime() - t0) / 1_000_000, bootstrap);
    }

    /** For tests only: whether the embedded Kafka node is running. */
    static synchronized boolean kafkaRunningForTest() {
        return kafka != null;
    }

    private static synchronized void stop() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                log.debug("embedded Kafka stop: {}", e.toString());
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.debug("embedded PostgreSQL stop: {}", e.toString());
            }
            postgres = null;
        }
    }
}
