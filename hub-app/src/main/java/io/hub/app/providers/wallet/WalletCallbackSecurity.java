package io.hub.app.providers.wallet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Provider wallet callbacks ({@code POST /wallet/{providerId}/…}) carry no JWT: each protocol authenticates itself on
 * the raw bytes (Hub88 RSA signature, Pragmatic hash, Evolution authToken) in its adapter. They bypass the hub's
 * security filter chain entirely (Spring Security's request firewall still applies): nothing in the chain reads the
 * body (no CSRF, no session, no bearer-token filter that could read form parameters), and the chain's per-request cost
 * showed in the callback and webhook benchmarks ({@code bench/reports/}). {@code GET /wallet/balance} (the player's
 * wallet) stays on the API chain.
 */
@Configuration(proxyBeanMethods = false)
public class WalletCallbackSecurity {
    @Bean
    WebSecurityCustomizer providerWalletCallbacksBypassTheChain() {
        return web -> web.ignoring().requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/wallet/*/**"));
    }
}
