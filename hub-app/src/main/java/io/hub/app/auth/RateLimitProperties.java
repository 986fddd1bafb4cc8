package io.hub.app.auth;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.rate-limits.*}: how many requests a player or a client address may make (seed §6). Excess requests
 * get HTTP 429 / lobby error {@code RATE_LIMITED}; nothing is queued.
 */
@Validated
@ConfigurationProperties("hub.rate-limits")
public record RateLimitProperties(@Positive int loginPerAddressPerMinute, @Positive int loginPerUserPerMinute,
                                  @Positive int spinsPerPlayerPerSecond, @Positive int spinsPerAddressPerSecond) {
}
