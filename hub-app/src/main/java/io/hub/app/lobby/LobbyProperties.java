package io.hub.app.lobby;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.lobby.*}.
 *
 * @param maxFrameBytes       largest text frame accepted; a larger one closes the socket with 1009 (message too big)
 * @param holdTimeout         how long a spin's pending hold may stay unresolved before the sweeper voids it
 * @param allowedOrigins      browser origins allowed to open the socket ({@code *} for any)
 * @param sendTimeLimit       how long a slow client may block a send before its socket is closed
 * @param sendBufferBytes     how much may be queued for a slow client before its socket is closed
 */
@Validated
@ConfigurationProperties("hub.lobby")
public record LobbyProperties(@Positive int maxFrameBytes, @NotNull Duration holdTimeout, List<String> allowedOrigins,
                              @NotNull Duration sendTimeLimit, @Positive int sendBufferBytes) {
}
