package io.hub.app.events;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code kafka}: UP when the cluster answers a describe-cluster call within
 * 3 s, with the broker count and the bootstrap address. DOWN does not stop the ledger (the outbox buffers), so the
 * component is not in the readiness group.
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
    private final Admin admin;
    private final String bootstrap;

    public KafkaHealthIndicator(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        super("Kafka health check failed");
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("brokers", brokers).withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                .withDetail("bootstrap", bootstrap);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
