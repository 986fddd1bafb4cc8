package io.hub.games;

import io.hub.contracts.game.InHouseGame;
import io.hub.games.rng.DrbgRandomSource;
import io.hub.games.slot.GameDefinitionException;
import io.hub.games.slot.SlotGame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InHouseGamesTest {
    @Test
    void builtInLoadsEveryIndexedGame() {
        List<InHouseGame> games = InHouseGames.builtIn();
        assertThat(games).extracting(g -> g.descriptor().gameId()).containsExactly("red-white-blue", "atkins-diet");
        assertThat(InHouseGames.builtIn()).isSameAs(games);
        InHouseGame rwb = games.stream().filter(g -> g.descriptor().gameId().equals("red-white-blue")).findFirst().orElseThrow();
        assertThat(rwb.descriptor().name()).isEqualTo("Red White & Blue");
        assertThat(rwb.descriptor().rtp()).isEqualByComparingTo("0.8658");
        assertThat(rwb.descriptor().volatility()).isEqualTo("medium");
        var o = rwb.play(new DrbgRandomSource(), 150);
        assertThat(o.stops()).hasSize(3).allSatisfy(s -> assertThat(s).isBetween(0, 63));
        assertThat(o.window()).hasSize(3).allSatisfy(col -> assertThat(col).hasSize(1));
        assertThat(o.payoutMinor() % 150).isZero();
        assertThat(o.wins().stream().mapToLong(w -> w.amountMinor()).sum()).isEqualTo(o.payoutMinor());
    }

    @Test
    void loadsOneFileFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rwb.json");
        try (var in = InHouseGames.class.getClassLoader().getResourceAsStream("games/red-white-blue.json")) {
            Files.copy(in, file);
        }
        SlotGame game = InHouseGames.load(file);
        assertThat(game.descriptor().gameId()).isEqualTo("red-white-blue");
        assertThatThrownBy(() -> InHouseGames.load(dir.resolve("missing.json"))).isInstanceOf(GameDefinitionException.class);
    }

    @Test
    void refusesInvalidDefinitions() throws Exception {
        String good;
        try (var in = InHouseGames.class.getClassLoader().getResourceAsStream("games/red-white-blue.json")) {
            good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertInvalid("not json", "not readable JSON");
        assertInvalid(good.replace("\"hub-slot/1\"", "\"hub-slot/9\""), "unsupported format");
        assertInvalid(good.replace("\"any white\",\n    \"any blue\"", "\"any white\",\n    \"any purple\""), "unknown symbol or group any purple");
        assertInvalid(good.replaceFirst("\"3\": 10000", "\"4\": 10000"), "above maxCoins");
        assertInvalid(good.replaceFirst("\"Blank\"\n  \\]", "\"Cherry\"\n  ]"), "unknown symbol Cherry");
        assertInvalid(good.replace("\"gameId\": \"red-white-blue\"", "\"gameId\": \"Red White\""), "kebab-case");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> InHouseGames.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GameDefinitionException.class)
                .hasMessageContaining(message);
    }
}
