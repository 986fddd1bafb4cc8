package io.hub.games.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.games.InHouseGames;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The converted definition games/red-white-blue.json against the PAR file it came from (test copy of shared/par). */
class RedWhiteBlueDefinitionTest {
    private static final Map<String, String> GROUP_NAMES = Map.of(
            "any seven", "sevens", "any bar", "bars", "any red", "reds", "any white", "whites", "any blue", "blues");

    private static JsonNode par() throws Exception {
        try (InputStream in = RedWhiteBlueDefinitionTest.class.getResourceAsStream("/par/red-white-blue.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void reelsMatchThePar() throws Exception {
        JsonNode par = par();
        SlotDefinition def = InHouseGames.loadResource("games/red-white-blue.json").definition();
        assertThat(def.reels()).hasSize(3);
        assertThat(def.rows()).isEqualTo(1);
        assertThat(def.stopWeights()).isEmpty();
        for (int r = 0; r < 3; r++) {
            List<String> expected = new ArrayList<>();
            par.get("reels").get(r).forEach(n -> expected.add(n.asText()));
            assertThat(def.reels().get(r)).as("reel %d", r + 1).isEqualTo(expected).hasSize(64);
        }
        // and the per-reel symbol counts published on the machine card
        par.get("symbol_counts_per_reel").fields().forEachRemaining(e -> {
            for (int r = 0; r < 3; r++) {
                String symbol = e.getKey();
                long count = def.reels().get(r).stream().filter(symbol::equals).count();
                assertThat(count).as("%s on reel %d", symbol, r + 1).isEqualTo(e.getValue().get(r).asLong());
            }
        });
    }

    @Test
    void paytableAndGroupsMatchThePar() throws Exception {
        JsonNode par = par();
        SlotDefinition def = InHouseGames.loadResource("games/red-white-blue.json").definition();
        assertThat(def.paylines()).containsExactly(List.of(0, 0, 0));
        assertThat(def.bet()).isEqualTo(new SlotDefinition.Bet(SlotDefinition.BetMode.COINS, 1, 3));
        assertThat(def.wild()).isEmpty();
        assertThat(def.scatters()).isEmpty();
        assertThat(def.freeSpins()).isEmpty();
        JsonNode table = par.get("paytable");
        assertThat(def.paytable()).hasSize(table.size());
        for (int i = 0; i < table.size(); i++) {
            List<String> pattern = new ArrayList<>();
            table.get(i).get("symbols").forEach(n -> pattern.add(n.asText()));
            Map<Integer, Long> pays = new HashMap<>();
            table.get(i).get("pays").fields().forEachRemaining(e -> pays.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
            assertThat(def.paytable().get(i).pattern()).as("entry %d", i).isEqualTo(pattern);
            assertThat(def.paytable().get(i).pays()).as("entry %d", i).isEqualTo(pays);
        }
        // the colour rule the PAR file says is needed to reproduce 86.58%
        assertThat(def.groups()).hasSize(5);
        GROUP_NAMES.forEach((ours, theirs) -> {
            List<String> members = new ArrayList<>();
            par.get("symbol_groups").get(theirs).forEach(n -> members.add(n.asText()));
            assertThat(def.groups().get(ours)).as(ours).containsExactlyInAnyOrderElementsOf(members);
        });
        assertThat(def.groups().get("any red")).containsExactlyInAnyOrder("Red 7", "1 bar");
        assertThat(def.groups().get("any white")).containsExactlyInAnyOrder("White 7", "2 bar");
        assertThat(def.groups().get("any blue")).containsExactlyInAnyOrder("Blue 7", "3 bar");
    }
}
