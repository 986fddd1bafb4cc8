package io.hub.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server side of the browser client, over plain HTTP: the static page and its modules are served without a
 * token with the right media types, {@code GET /games/{id}/definition} and the paged {@code GET /wallet/transactions}.
 */
class PlayerClientApiTest extends HubIntegrationTest {

    @Test
    void thePageAndItsModulesAreServedWithoutATokenAsHtmlAndJavaScript() {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\">");
        for (String module : List.of("main.js", "store.js", "api.js", "lobby-socket.js", "money.js", "fairness.js")) {
            HttpResponse<String> js = get("/app/" + module, null);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            // browsers refuse to run an ES module served with a non-JavaScript media type
            assertThat(js.headers().firstValue("Content-Type").orElse("")).as(module).startsWith("text/javascript");
        }
        assertThat(get("/app/app.css", null).headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(get("/app/no-such-file.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void definitionGivesReelsWeightsAndBetRulesInThePlayersCurrency() {
        TestPlayer p = newPlayer("EUR", "0");
        Tokens t = login(p.username(), p.password());
        JsonNode atkins = json(get("/games/atkins-diet/definition", t.accessToken()).body());
        assertThat(atkins.get("gameId").asText()).isEqualTo("atkins-diet");
        assertThat(atkins.get("rows").asInt()).isEqualTo(3);
        assertThat(atkins.get("reels")).hasSize(5);
        assertThat(atkins.get("reels").get(0)).hasSize(32);
        assertThat(atkins.get("reels").get(0).get(0).asText()).isEqualTo("Scale");
        assertThat(atkins.get("stopWeights")).isEmpty();
        assertThat(atkins.get("paylines")).hasSize(20);
        assertThat(atkins.get("currency").asText()).isEqualTo("EUR");
        assertThat(atkins.get("minBet").asText()).isEqualTo("0.20");
        assertThat(atkins.get("maxBet").asText()).isEqualTo("100.00");
        assertThat(atkins.get("betStep").asText()).isEqualTo("0.20");
        assertThat(atkins.get("betUnits").asInt()).isEqualTo(20);
        assertThat(atkins.get("rtp").asText()).isEqualTo("0.9705");
        assertThat(atkins.get("freeSpins").get("symbol").asText()).isEqualTo("Scale");
        assertThat(atkins.get("freeSpins").get("minCount").asInt()).isEqualTo(3);

        JsonNode rwb = json(get("/games/red-white-blue/definition", t.accessToken()).body());
        assertThat(rwb.get("rows").asInt()).isEqualTo(1);
        assertThat(rwb.get("betStep").asText()).isEqualTo("0.01");
        // weighted or not, every weight list matches its strip
        for (int r = 0; r < rwb.get("stopWeights").size(); r++) {
            assertThat(rwb.get("stopWeights").get(r)).hasSize(rwb.get("reels").get(r).size());
        }

        HttpResponse<String> unknown = get("/games/no-such-game/definition", t.accessToken());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).get("error").asText()).isEqualTo("UNKNOWN_GAME");
        assertThat(get("/games/atkins-diet/definition", null).statusCode()).isEqualTo(401);
    }

    @Test
    void transactionsArePagedNewestFirstWithoutOverlap() throws Exception {
        TestPlayer p = newPlayer("EUR", "30.00");
        Tokens t = login(p.username(), p.password());
        try (Lobby lobby = openLobby(t.wsToken())) {
            for (int i = 0; i < 3; i++) lobby.spin("red-white-blue", "1.00", "tx-page-" + i);
        }
        // 1 funding + 3 x (reserve + settle) = 7 transactions
        JsonNode first = json(get("/wallet/transactions?page=0&size=3", t.accessToken()).body());
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items")).hasSize(3);
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("reason").asText()).isEqualTo("SPIN_SETTLED");
        assertThat(newest.get("gameId").asText()).isEqualTo("red-white-blue");
        assertThat(newest.get("roundId").asText()).matches("[0-9a-f-]{36}");
        assertThat(first.get("items").get(1).get("reason").asText()).isEqualTo("BET_RESERVED");
        assertThat(first.get("items").get(1).get("cashChange").asText()).isEqualTo("-1.00");

        List<JsonNode> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            JsonNode j = json(get("/wallet/transactions?page=" + page + "&size=3", t.accessToken()).body());
            j.get("items").forEach(all::add);
            j.get("items").forEach(i -> assertThat(ids.add(i.get("transactionId").asText())).as("no overlap").isTrue());
            assertThat(j.get("hasMore").asBoolean()).isEqualTo(page < 2);
        }
        assertThat(all).hasSize(7);
        JsonNode oldest = all.get(6);
        assertThat(oldest.get("reason").asText()).isEqualTo("ADJUSTMENT");
        assertThat(oldest.get("cashChange").asText()).isEqualTo("30.00");
        assertThat(oldest.has("roundId")).isFalse();

        for (String bad : List.of("page=-1", "size=0", "size=101", "page=10001", "page=x")) {
            HttpResponse<String> r = get("/wallet/transactions?" + bad, t.accessToken());
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r.body()).get("error").asText()).as(bad).isEqualTo("INVALID_MESSAGE");
        }
        assertThat(get("/wallet/transactions", null).statusCode()).isEqualTo(401);
        HttpResponse<String> operator = get("/wallet/transactions", operatorToken());
        assertThat(operator.statusCode()).isEqualTo(404);
        assertThat(json(operator.body()).get("error").asText()).isEqualTo("UNKNOWN_PLAYER");
    }
}
