package io.hub.app.providers.wallet;

import io.hub.routes.ProviderRoundSweepRoute;
import io.hub.routes.ProviderWalletCallbackRoute;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provider wallet routes of this node: the callback flow and the stale-round sweeper. */
@Configuration(proxyBeanMethods = false)
public class ProviderWalletRoutes {
    @Bean
    ProviderWalletCallbackRoute providerWalletCallbackRoute(ProviderWalletService wallet) {
        return new ProviderWalletCallbackRoute(wallet);
    }

    @Bean
    ProviderRoundSweepRoute providerRoundSweepRoute(ProviderRoundSweeper sweeper,
                                                    @Value("${hub.providers.round-sweep.period-ms:60000}") long periodMs) {
        return new ProviderRoundSweepRoute(sweeper, periodMs);
    }
}
