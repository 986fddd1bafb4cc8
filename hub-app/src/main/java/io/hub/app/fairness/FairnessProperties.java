package io.hub.app.fairness;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.fairness.*}.
 *
 * @param signingKeyFile where the Ed25519 key that signs {@code spinResult} frames is kept (a private OKP JWK),
 *                       created on first start with owner-only permissions. Every node must use the same file.
 * @param seedKeyFile    where the AES-256 key that seals unrevealed server seeds in the database is kept (32 bytes,
 *                       base64), created on first start with owner-only permissions. Every node must use the same
 *                       file; losing it makes the unrevealed seeds unusable (players then need a rotation).
 */
@Validated
@ConfigurationProperties("hub.fairness")
public record FairnessProperties(@NotBlank String signingKeyFile, @NotBlank String seedKeyFile) {
}
