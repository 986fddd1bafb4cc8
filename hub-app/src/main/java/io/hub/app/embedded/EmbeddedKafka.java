package io.hub.app.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node in KRaft combined mode (broker and controller), run in this JVM with Kafka's own
 * {@link KafkaRaftServer}: a real broker on a fixed port, with its log in a directory that survives restarts
 * (formatted on first use, like {@code kafka-storage.sh format}).
 */
final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * @param logDir         the broker's log and metadata directory
     * @param port           the client listener port ({@code PLAINTEXT://localhost:port})
     * @param controllerPort the KRaft controller listener port
     * @param partitions     default partitions of auto-created topics
     */
    static EmbeddedKafka start(Path logDir, int port, int controllerPort, int partitions) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dir = logDir.toString();
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir);
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "168");
        KafkaConfig config = new KafkaConfig(p, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            try {
                new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(dir)).setMetadataLogDirectory(dir)
                        .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).run();
            } catch (Exception e) {
                throw new IllegalStateException("could not format the embedded Kafka log directory " + dir, e);
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, "localhost:" + port);
    }

    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
