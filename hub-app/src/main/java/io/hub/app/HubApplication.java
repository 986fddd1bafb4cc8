package io.hub.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The hub: game-provider aggregation and payments integration. With no {@code spring.datasource.url} and no
 * {@code spring.kafka.bootstrap-servers} configured it starts an embedded PostgreSQL and an in-process Kafka
 * broker first ({@link io.hub.app.embedded.EmbeddedInfrastructure}); with them configured nothing is embedded.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HubApplication {
    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
