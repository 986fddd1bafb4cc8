package io.hub.app.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.auth.*}.
 *
 * @param issuer         the {@code iss} of tokens the hub signs, e.g. {@code http://localhost:8080}
 * @param accessTokenTtl lifetime of an access token (default 15 min)
 * @param wsTokenTtl     lifetime of a single-use WebSocket token (default 30 s)
 * @param signingKeyFile where the hub's RSA signing key (a private JWK) is kept; created on first start. Every node
 *                       behind a load balancer must use the same file.
 */
@Validated
@ConfigurationProperties("hub.auth")
public record AuthProperties(@NotBlank String issuer, @NotNull Duration accessTokenTtl, @NotNull Duration wsTokenTtl,
                             @NotBlank String signingKeyFile) {
}
