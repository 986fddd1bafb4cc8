/**
 * The transactional outbox (written by other modules inside their own database transaction) and its relay
 * to Kafka, with the outbox-lag metric.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events (outbox)", allowedDependencies = {})
package io.hub.app.events;
