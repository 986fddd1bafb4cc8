package io.hub.app.games;

import io.hub.games.GameMath;
import io.hub.games.InHouseGames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lobby listing's RTP and volatility come from the in-house games' exact math (no Spring context needed). */
class GameCatalogueTest {
    @Test
    void rtpFromTheExactCalculationAndVolatilityFromTheStandardDeviation() {
        GameCatalogue catalogue = new GameCatalogue(new GameProperties(Map.of("EUR", new GameProperties.Limits("0.20", "100.00"))));
        List<GameCatalogue.GameEntry> games = catalogue.list("EUR");
        assertThat(games).extracting(GameCatalogue.GameEntry::gameId).containsExactly("red-white-blue", "atkins-diet");
        // RWB 113477/131072 = 0.865760..., Atkins Diet 60651793523489/62498132721664 = 0.970457...
        assertThat(games).extracting(GameCatalogue.GameEntry::rtp).containsExactly("0.8658", "0.9705");
        for (GameCatalogue.GameEntry e : games) {
            GameMath math = InHouseGames.math(catalogue.inHouseGame(e.gameId()).orElseThrow()).orElseThrow();
            assertThat(math.volatilityDeclared()).isFalse();
            assertThat(e.volatility()).isEqualTo(GameMath.volatilityOf(math.standardDeviation().orElseThrow())).isEqualTo("medium");
        }
        assertThat(catalogue.list("XXX")).isEmpty(); // no limits configured for that currency
    }
}
