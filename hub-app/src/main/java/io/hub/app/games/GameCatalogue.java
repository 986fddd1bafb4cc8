package io.hub.app.games;

import io.hub.contracts.game.InHouseGame;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.games.GameMath;
import io.hub.games.InHouseGames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The games the hub offers, held in memory (hot data: read on every spin and lobby listing). In-house games come
 * from the in-house-games module's definitions; external providers' games join here in a later issue.
 */
@Component
public class GameCatalogue {
    /** The provider name of the hub's own games on the lobby. */
    public static final String IN_HOUSE_PROVIDER = "hub";
    private static final Logger log = LoggerFactory.getLogger(GameCatalogue.class);
    private final Map<String, InHouseGame> inHouse = new LinkedHashMap<>();
    private final Map<String, Limits> limits = new LinkedHashMap<>();

    public GameCatalogue(GameProperties props) {
        for (InHouseGame g : InHouseGames.builtIn()) inHouse.put(g.descriptor().gameId(), g);
        if (props.limits() != null) {
            props.limits().forEach((code, l) -> {
                CurrencyUnit unit = CurrencyUnit.of(code);
                Money min = Money.parse(l.minBet(), unit);
                Money max = Money.parse(l.maxBet(), unit);
                if (!min.isPositive() || min.compareTo(max) > 0) {
                    throw new IllegalArgumentException("hub.games.limits." + code + ": need 0 < min-bet <= max-bet");
                }
                limits.put(code, new Limits(min, max));
            });
        }
        log.info("game catalogue: in-house {} ; bet limits for {}", inHouse.keySet(), limits.keySet());
    }

    /** Bet limits of a game in one currency. */
    public record Limits(Money minBet, Money maxBet) {
    }

    /**
     * One lobby entry (seed §4.2): amounts are decimal strings in major units of {@code currency}; {@code rtp} is a
     * fraction as a decimal string (0.8658 = 86.58%).
     */
    public record GameEntry(String gameId, String name, String provider, String type, String minBet, String maxBet,
                            String currency, String rtp, String volatility, boolean available) {
    }

    public Optional<InHouseGame> inHouseGame(String gameId) {
        return Optional.ofNullable(gameId == null ? null : inHouse.get(gameId));
    }

    public Optional<Limits> limits(String gameId, String currency) {
        return Optional.ofNullable(limits.get(currency));
    }

    /**
     * Every game playable in {@code currency}. In-house games show the RTP from their exact calculation and the
     * volatility class derived from their exact standard deviation ({@link GameMath}; thresholds there).
     */
    public List<GameEntry> list(String currency) {
        Limits l = limits.get(currency);
        if (l == null) return List.of();
        return inHouse.values().stream().map(g -> {
            Optional<GameMath> math = InHouseGames.math(g);
            return new GameEntry(g.descriptor().gameId(), g.descriptor().name(),
                    IN_HOUSE_PROVIDER, g.descriptor().type(), l.minBet().toDecimalString(), l.maxBet().toDecimalString(), currency,
                    rtp(math.map(m -> m.rtp(4)).orElse(g.descriptor().rtp())),
                    math.map(GameMath::volatility).orElse(g.descriptor().volatility()), true);
        }).toList();
    }

    private static String rtp(BigDecimal rtp) {
        return rtp == null ? null : rtp.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
