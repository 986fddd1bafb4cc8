package io.hub.app.games;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.games.*}.
 *
 * @param limits bet limits per ISO 4217 currency, as decimal strings in major units, e.g.
 *               {@code hub.games.limits.EUR.min-bet=0.10}, {@code hub.games.limits.EUR.max-bet=100.00}
 */
@ConfigurationProperties("hub.games")
public record GameProperties(Map<String, Limits> limits) {
    /** Decimal strings in major units of the currency. */
    public record Limits(String minBet, String maxBet) {
    }
}
