package io.hub.app.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.idempotency.*}: where the hub's own {@code Idempotency-Key} semantics apply ({@link IdempotencyFilter}).
 *
 * @param paths          Ant-style path patterns whose POST, PUT, PATCH and DELETE requests need the header; login
 *                       ({@code /auth/**}), provider callbacks ({@code /wallet/{providerId}/**}) and webhooks
 *                       ({@code /webhooks/**}) are deliberately not listed: they have their own protocols
 * @param lockTimeout    how long a first request may stay in flight before a retry may take it over (its answer
 *                       was lost with a crashed node); until then a retry gets 409
 * @param retention      how long a completed answer is kept for replays (the draft leaves it to the server; Brandur
 *                       recommends 72 h, Stripe 24 h)
 * @param maxBodyBytes   largest request body fingerprinted; a larger one is refused with 413
 */
@Validated
@ConfigurationProperties("hub.idempotency")
public record IdempotencyProperties(
        @DefaultValue({"/payments/**", "/operator/**", "/fairness/**", "/games/*/launch"}) List<String> paths,
        @DefaultValue("60s") @NotNull Duration lockTimeout,
        @DefaultValue("72h") @NotNull Duration retention,
        @DefaultValue("1048576") @Positive int maxBodyBytes) {
}
