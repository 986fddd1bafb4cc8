package io.hub.app.providers.catalogue;

import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.outbound.ProviderSettings;
import io.hub.routes.CatalogueSyncRoute;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one timed {@link CatalogueSyncRoute} ({@code catalogue-sync-<providerId>}) per provider with a catalogue URL,
 * ticking every {@code catalogueSyncPeriod}: all of them when the application is ready, and again for one provider
 * after an operator registered or updated it (a changed period replaces the route), and every
 * {@code hub.providers.schedule-refresh-ms} (default 60 s) for providers registered or changed on another node. Every
 * node runs the routes; the rate-limit claim in {@link CatalogueSync} keeps the pulls within the provider's limit.
 */
@Component
public class CatalogueSyncScheduler {
    private static final Logger log = LoggerFactory.getLogger(CatalogueSyncScheduler.class);
    private final CamelContext camel;
    private final CatalogueSync sync;
    private final ProviderRegistry registry;
    private final ConcurrentHashMap<String, Long> periods = new ConcurrentHashMap<>();

    public CatalogueSyncScheduler(CamelContext camel, CatalogueSync sync, ProviderRegistry registry) {
        this.camel = camel;
        this.sync = sync;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "${hub.providers.schedule-refresh-ms:60000}",
            fixedDelayString = "${hub.providers.schedule-refresh-ms:60000}")
    public void scheduleAll() {
        for (ProviderConfig p : registry.list()) {
            try {
                schedule(p);
            } catch (RuntimeException e) {
                log.error("catalogue sync of provider {} not scheduled", p.id(), e);
            }
        }
    }

    /** Adds, replaces or removes the provider's timed route to match its settings. */
    public synchronized void schedule(ProviderConfig p) {
        String routeId = CatalogueSyncRoute.routeId(p.id());
        long period = ProviderSettings.lenient(p.settings(), p.id()).catalogueSyncPeriod().toMillis();
        Long current = periods.get(p.id());
        boolean wanted = p.catalogueBaseUrl() != null;
        if (wanted && current != null && current == period) return;
        try {
            if (current != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
                periods.remove(p.id());
            }
            if (wanted) {
                camel.addRoutes(new CatalogueSyncRoute(sync, p.id(), period));
                periods.put(p.id(), period);
                log.info("catalogue sync of provider {} every {} ms (route {})", p.id(), period, routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not schedule the catalogue sync of provider " + p.id(), e);
        }
    }
}
