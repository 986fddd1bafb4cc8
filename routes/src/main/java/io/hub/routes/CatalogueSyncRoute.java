package io.hub.routes;

import io.hub.contracts.providers.CatalogueSyncPort;
import org.apache.camel.builder.RouteBuilder;

/**
 * The timed catalogue sync of one provider: route {@code catalogue-sync-<providerId>} ticks every {@code periodMs}
 * (the provider's {@code catalogueSyncPeriod} setting) and asks the port to pull the game list if it is due. The
 * port enforces the provider's rate limit across nodes and records failures; a tick never fails the route.
 */
public class CatalogueSyncRoute extends RouteBuilder {
    private final CatalogueSyncPort port;
    private final String providerId;
    private final long periodMs;

    public CatalogueSyncRoute(CatalogueSyncPort port, String providerId, long periodMs) {
        this.port = port;
        this.providerId = providerId;
        this.periodMs = periodMs;
    }

    /** The route id for a provider: {@code catalogue-sync-<providerId>} (provider ids are already kebab-case). */
    public static String routeId(String providerId) {
        return "catalogue-sync-" + providerId.replaceAll("[^a-z0-9]+", "-");
    }

    @Override
    public void configure() {
        String id = routeId(providerId);
        from("timer:" + id + "?delay=" + periodMs + "&period=" + periodMs).routeId(id)
                .process(e -> port.syncIfDue(providerId)).id("sync");
    }
}
