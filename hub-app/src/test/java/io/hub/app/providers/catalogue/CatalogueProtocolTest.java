package io.hub.app.providers.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderCredentials;
import io.hub.app.providers.ProviderProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading game lists: RTP as fraction or percentage, skipped entries, limits per currency, protocol errors. */
class CatalogueProtocolTest {
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    final CatalogueProtocol protocol = new CatalogueProtocol(json);

    private ProviderConfig provider(ProviderProtocol p) {
        return new ProviderConfig("studio-y", p, "Studio Y", true, null, "https://games.example.com/", List.of("EUR"),
                ProviderConfig.defaultPolicy(p), new ProviderCredentials("pem", "secret-123", "token-123"), Map.of(), 1, null, null);
    }

    @Test
    void hub88_entries_are_read_and_bad_ones_skipped() {
        CatalogueProtocol.Parsed parsed = protocol.parse(provider(ProviderProtocol.HUB88), "["
                + "{\"game_code\":\"a\",\"name\":\"A\",\"category\":\"Slot\",\"rtp\":96.5,\"volatility\":\"HIGH\",\"demo\":true,"
                + " \"limits\":{\"EUR\":{\"minBet\":\"0.10\",\"maxBet\":\"10.00\"},\"XYZ\":{\"minBet\":\"1\",\"maxBet\":\"2\"},"
                + "             \"USD\":{\"minBet\":\"5.00\",\"maxBet\":\"1.00\"},\"GBP\":{\"minBet\":0.1,\"maxBet\":\"1.00\"}}},"
                + "{\"game_code\":\"b\",\"name\":\"B\",\"rtp\":\"0.9712\"},"
                + "{\"game_code\":\"c\",\"name\":\"C\",\"rtp\":\"lots\"},"
                + "{\"game_code\":\"d\",\"name\":\"D\",\"rtp\":150},"
                + "{\"name\":\"no id\"},"
                + "{\"game_code\":\"a\",\"name\":\"duplicate\"}]");
        assertThat(parsed.skipped()).isEqualTo(4);
        assertThat(parsed.games()).extracting(CatalogueProtocol.ParsedGame::gameId).containsExactly("a", "b");
        CatalogueProtocol.ParsedGame a = parsed.games().get(0);
        assertThat(a.rtp()).isEqualByComparingTo("0.965");
        assertThat(a.category()).isEqualTo("slot");
        assertThat(a.volatility()).isEqualTo("high");
        assertThat(a.demo()).isTrue();
        // unknown currency, min > max and a JSON-number amount are dropped; EUR stays exact
        assertThat(a.limits()).containsOnlyKeys("EUR");
        assertThat(a.limits().get("EUR")).isEqualTo(new ProviderGame.Limits("0.10", "10.00"));
        CatalogueProtocol.ParsedGame b = parsed.games().get(1);
        assertThat(b.rtp()).isEqualByComparingTo("0.9712");
        assertThat(b.category()).isEqualTo("slot");
        assertThat(b.demo()).isFalse();
        assertThat(protocol.request(provider(ProviderProtocol.HUB88)).url()).isEqualTo("https://games.example.com/operator/generic/v2/game/list");
    }

    @Test
    void pragmatic_lists_and_errors() {
        CatalogueProtocol.Parsed parsed = protocol.parse(provider(ProviderProtocol.PRAGMATIC),
                "{\"error\":\"0\",\"gameList\":[{\"gameID\":\"vs1\",\"gameName\":\"Fox\",\"typeDescription\":\"Video Slots\",\"demoGameAvailable\":true}]}");
        assertThat(parsed.games()).singleElement().satisfies(g -> {
            assertThat(g.gameId()).isEqualTo("vs1");
            assertThat(g.category()).isEqualTo("video slots");
            assertThat(g.rtp()).isNull();
            assertThat(g.demo()).isTrue();
        });
        assertThatThrownBy(() -> protocol.parse(provider(ProviderProtocol.PRAGMATIC), "{\"error\":\"100\",\"description\":\"internal\"}"))
                .isInstanceOf(CatalogueProtocol.FormatException.class).hasMessageContaining("error 100");
        assertThatThrownBy(() -> protocol.parse(provider(ProviderProtocol.HUB88), "{\"games\":\"none\"}"))
                .isInstanceOf(CatalogueProtocol.FormatException.class);
        assertThatThrownBy(() -> protocol.parse(provider(ProviderProtocol.HUB88), "<html>"))
                .isInstanceOf(CatalogueProtocol.FormatException.class).hasMessageContaining("not JSON");
        assertThat(protocol.request(provider(ProviderProtocol.PRAGMATIC)).url())
                .startsWith("https://games.example.com/CasinoGameAPI/getCasinoGames/?")
                .contains("secureLogin=studio-y").containsPattern("hash=[0-9a-f]{32}");
    }
}
