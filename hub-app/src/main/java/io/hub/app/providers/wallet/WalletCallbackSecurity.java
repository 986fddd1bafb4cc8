package io.hub.app.providers.wallet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Provider wallet callbacks ({@code POST /wallet/{providerId}/…}) carry no JWT: each protocol authenticates itself on
 * the raw bytes (Hub88 RSA signature, Pragmatic hash, Evolution authToken) in its adapter. This chain, ordered before
 * the hub's API chain, lets them through without touching the body (no CSRF, no session, no bearer-token filter that
 * could read form parameters). {@code GET /wallet/balance} (the player's wallet) stays on the API chain.
 */
@Configuration(proxyBeanMethods = false)
public class WalletCallbackSecurity {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain providerWalletCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/wallet/*/**"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
