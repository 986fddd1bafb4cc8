package io.hub.app.providers.outbound;

import io.hub.routes.ProviderHttpRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code provider-http} route of every outbound provider call, its endpoints' HttpClients built with
 * {@link ProviderCallDeadlines} (the whole-answer deadline). The timed {@code catalogue-sync-<providerId>} routes are
 * added at run time by {@link io.hub.app.providers.catalogue.CatalogueSyncScheduler}.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderRoutesConfig {
    @Bean
    ProviderHttpRoute providerHttpRoute() {
        return new ProviderHttpRoute(ProviderCallDeadlines.BEAN);
    }
}
