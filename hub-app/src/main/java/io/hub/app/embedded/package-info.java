/**
 * Embedded infrastructure for the one-command run and the tests: a real PostgreSQL (zonky's embedded binaries)
 * and an in-process KRaft Kafka broker, started only when no external server is configured. Not used by a
 * production deployment that sets {@code spring.datasource.url} and {@code spring.kafka.bootstrap-servers}
 * (or {@code hub.embedded.enabled=false}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded infrastructure", allowedDependencies = {})
package io.hub.app.embedded;
