package io.hub.app.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Run in a child JVM by {@link EmbeddedPostgresOutlivesTheApplicationContextTest}: starts a minimal application with
 * the embedded PostgreSQL (no Kafka, no web), prints its port, and exits the JVM. A bean that still needs the
 * database while its context closes (like the outbox relay or a request draining during a graceful shutdown) queries
 * it on close and prints the result.
 */
public class ShutdownOrderProbe {

    @Configuration(proxyBeanMethods = false)
    static class ProbeConfig {
        @Bean
        DisposableBean usesTheDatabaseOnClose(Environment env) {
            String url = env.getProperty("spring.datasource.url");
            return () -> {
                Thread.sleep(1500); // closing takes a while, as a graceful shutdown does
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     ResultSet rs = c.createStatement().executeQuery("SELECT 42")) {
                    rs.next();
                    System.out.println("QUERY-ON-CLOSE " + rs.getInt(1));
                } catch (Exception e) {
                    System.out.println("QUERY-ON-CLOSE failed: " + e);
                }
            };
        }
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ProbeConfig.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext ctx = app.run(args);
        System.out.println("POSTGRES-URL " + ctx.getEnvironment().getProperty("spring.datasource.url"));
        System.exit(0);
    }
}
