/** Wires the Camel routes of the {@code routes} module to this application's ports (lobby, outbox, pushes, sweeper). */
@org.springframework.modulith.ApplicationModule(displayName = "Routing", allowedDependencies = {"lobby", "events", "payments"})
package io.hub.app.routing;
