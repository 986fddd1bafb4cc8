package io.hub.app.auth;

import com.nimbusds.jwt.JWTParser;
import io.hub.app.web.JsonErrors;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security chain (Spring Security OAuth2 resource server): every player and operator endpoint needs a valid
 * JWT; {@code /operator/**} needs the operator role ({@code roles: [OPERATOR]}, {@code scope: operator}, or a
 * Keycloak realm role {@code operator}). Login, the JWKS, health, metrics and the lobby handshake (which checks
 * its own single-use token) are open. Errors are JSON: 401 UNAUTHORIZED, 403 FORBIDDEN.
 *
 * <p>Tokens: the hub's own RS256 tokens are checked with its own key. When
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (OIDC discovery) or {@code .jwk-set-uri} is set,
 * tokens of that external IdP (Keycloak, Auth0) are accepted too; its users are matched to hub users by {@code sub}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, io.hub.app.player.UserDirectory users) throws Exception {
        http.csrf(c -> c.disable())
                .addFilterAfter(new ActiveUserFilter(users), org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // error pages rendered for a failed request; a direct GET /error needs a token like any endpoint
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/auth/login").permitAll()
                        // provably fair: the public Ed25519 key that signs spinResult frames (docs/fairness.md)
                        .requestMatchers(HttpMethod.GET, "/fairness/signing-key").permitAll()
                        .requestMatchers(HttpMethod.GET, "/providers/hub88/signing-key").permitAll()   // public key verifying the hub's Hub88 answers
                        .requestMatchers("/.well-known/jwks.json", "/ws/lobby", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/actuator/prometheus", "/", "/index.html", "/favicon.ico",
                                "/app/**", "/docs/**").permitAll()
                        .requestMatchers("/operator/**").hasAnyAuthority("ROLE_OPERATOR", "SCOPE_operator")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            JsonErrors.write(res, 401, "UNAUTHORIZED", "a valid bearer token is required");
                        })
                        .accessDeniedHandler((req, res, ex) -> JsonErrors.write(res, 403, "FORBIDDEN", "not allowed for this token")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            JsonErrors.write(res, 401, "UNAUTHORIZED", "a valid bearer token is required");
                        })
                        .accessDeniedHandler((req, res, ex) -> JsonErrors.write(res, 403, "FORBIDDEN", "not allowed for this token")));
        return http.build();
    }

    /**
     * Payment and KYC webhooks ({@code POST /webhooks/payments/*}, {@code /webhooks/kyc/*}; the whole {@code /webhooks/**}
     * path holds nothing else) carry no bearer token: each
     * authenticates by its signature over the raw body (payments.md §1), checked in the payments module before any
     * parsing. They bypass the security filter chain entirely (the request firewall still applies) instead of passing
     * through it as {@code permitAll}: the chain did nothing for them and cost about a tenth of the hub's CPU per
     * delivery in the webhook intake benchmark ({@code bench/reports/webhooks.md}).
     */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer signedWebhooksBypassTheChain() {
        // every method and sub-path: /webhooks/** holds only the signed intake, so a wrong method or path gets its
        // own 405 / 404 answer rather than "a valid bearer token is required"
        return web -> web.ignoring().requestMatchers(
                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"));
    }

    /** A request the firewall refuses (e.g. a header with non-ASCII or control characters) is a 400 JSON, not a 500. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (req, res, ex) -> JsonErrors.write(res, 400, "INVALID_MESSAGE",
                "the request was refused (characters not allowed in its URL or headers)");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Accepts the hub's own tokens, and an external IdP's when configured (chosen by the unverified {@code iss},
     * then fully verified by that issuer's keys).
     */
    @Bean
    JwtDecoder jwtDecoder(JwtKeys keys, AuthProperties props,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer,
                          @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String externalJwks) throws Exception {
        NimbusJwtDecoder local = NimbusJwtDecoder.withPublicKey(keys.privateKey().toRSAPublicKey()).build();
        local.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(props.issuer())));
        JwtDecoder external;
        if (!externalIssuer.isBlank()) {
            NimbusJwtDecoder d = externalJwks.isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(externalIssuer).build()
                    : NimbusJwtDecoder.withJwkSetUri(externalJwks).build();
            d.setJwtValidator(JwtValidators.createDefaultWithIssuer(externalIssuer));
            external = d;
        } else if (!externalJwks.isBlank()) {
            external = NimbusJwtDecoder.withJwkSetUri(externalJwks).build();
        } else {
            external = null;
        }
        return token -> {
            String iss;
            try {
                iss = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            } catch (ParseException e) {
                throw new BadJwtException("malformed token", e);
            }
            if (props.issuer().equals(iss) || external == null) return local.decode(token);
            return external.decode(token);
        };
    }

    /** Authorities from {@code scope}/{@code scp} (SCOPE_x), {@code roles} (ROLE_X) and Keycloak {@code realm_access.roles}. */
    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter c = new JwtAuthenticationConverter();
        c.setJwtGrantedAuthoritiesConverter(SecurityConfig::authorities);
        return c;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> out = new ArrayList<>();
        Object scope = jwt.getClaims().getOrDefault("scope", jwt.getClaims().get("scp"));
        if (scope instanceof String s) {
            for (String part : s.split(" ")) if (!part.isBlank()) out.add(new SimpleGrantedAuthority("SCOPE_" + part));
        } else if (scope instanceof Collection<?> list) {
            list.forEach(x -> out.add(new SimpleGrantedAuthority("SCOPE_" + x)));
        }
        if (jwt.getClaims().get("roles") instanceof Collection<?> roles) {
            roles.forEach(r -> out.add(new SimpleGrantedAuthority("ROLE_" + r.toString().toUpperCase())));
        }
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> roles) {
            roles.forEach(r -> out.add(new SimpleGrantedAuthority("ROLE_" + r.toString().toUpperCase())));
        }
        return out;
    }
}
