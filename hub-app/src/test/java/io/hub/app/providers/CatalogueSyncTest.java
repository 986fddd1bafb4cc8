package io.hub.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hub.app.providers.outbound.ProviderHashes;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Catalogue sync: metadata upsert, GET retry, rate limit, failures that never wipe, the timed route, the lobby list. */
class CatalogueSyncTest extends ProviderTestSupport {
    static final String LIST = "/operator/generic/v2/game/list";
    @Autowired
    CamelContext camel;

    @Test
    void a_sync_retries_the_get_after_a_503_and_upserts_every_readable_game_with_its_metadata() {
        String id = newId("cat");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().resetScenario("ns-catalogue");   // the first GET answers 503, the next ones 200
        int before = count(northstar(), getRequestedFor(urlPathEqualTo("/" + id + LIST)));

        JsonNode r = sync(id);

        assertThat(r.get("status").asText()).isEqualTo("OK");
        assertThat(r.get("games").asInt()).isEqualTo(5);
        assertThat(r.get("skippedEntries").asInt()).isEqualTo(1);   // ns-no-name has no name
        assertThat(count(northstar(), getRequestedFor(urlPathEqualTo("/" + id + LIST))) - before).isEqualTo(2);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM provider_game WHERE provider_id = ? ORDER BY game_id", id);
        assertThat(rows).extracting(m -> m.get("game_id")).containsExactly("ns-broken", "ns-flaky", "ns-northern-lights",
                "ns-polar-roulette", "ns-slow-launch");
        Map<String, Object> lights = rows.get(2);
        assertThat((BigDecimal) lights.get("rtp")).isEqualByComparingTo("0.965");
        assertThat(lights).containsEntry("name", "Northern Lights").containsEntry("category", "slot")
                .containsEntry("volatility", "high").containsEntry("demo", true).containsEntry("enabled", true);
        JsonNode limits = json(lights.get("limits").toString());
        assertThat(limits.at("/EUR/minBet").asText()).isEqualTo("0.10");
        assertThat(limits.at("/EUR/maxBet").asText()).isEqualTo("100.00");
        assertThat(limits.at("/USD/maxBet").asText()).isEqualTo("120.00");
        assertThat(limits.at("/GBP/maxBet").asText()).isEqualTo("80.00");
        Map<String, Object> roulette = rows.get(3);
        assertThat((BigDecimal) roulette.get("rtp")).isEqualByComparingTo("0.973");
        assertThat(roulette).containsEntry("category", "live").containsEntry("demo", false);

        String scrape = prometheus();
        assertThat(sample(scrape, "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"catalogue\"",
                "outcome=\"http_503\"")).isEqualTo(1.0);
        assertThat(sample(scrape, "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"catalogue\"",
                "outcome=\"ok\"")).isEqualTo(1.0);
        assertThat(scrape).contains("hub_provider_outbound_seconds_bucket{");
        JsonNode health = json(get("/operator/providers/" + id + "/health", operatorToken()).body());
        assertThat(health.at("/catalogue/games").asInt()).isEqualTo(5);
        assertThat(health.at("/catalogue/consecutiveFailures").asInt()).isZero();
        assertThat(health.at("/catalogue/lastSuccessAt").asText()).isNotBlank();
    }

    @Test
    void the_rate_limit_refuses_an_early_operator_sync_with_429_and_calls_nothing() {
        String id = newId("rl");
        registerNorthstar(id, "/" + id, "{}");   // default: one game-list call per minute
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        int before = count(northstar(), getRequestedFor(urlPathEqualTo("/" + id + LIST)));

        HttpResponse<String> again = operatorPost("/operator/providers/" + id + "/sync", "");

        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(json(again.body()).get("error").asText()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(count(northstar(), getRequestedFor(urlPathEqualTo("/" + id + LIST)))).isEqualTo(before);
    }

    @Test
    void failures_are_recorded_as_health_and_never_wipe_the_catalogue() {
        String id = newId("fail");
        JsonNode p = registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\",\"retryWait\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        String base = studios.baseUrl("northstar");

        JsonNode v2 = json(patch("/operator/providers/" + id, "{\"version\":" + p.get("version").asLong()
                + ",\"catalogueBaseUrl\":\"" + base + "/outage\"}", operatorToken()).body());
        int before = count(northstar(), getRequestedFor(urlPathEqualTo("/outage" + LIST)));
        HttpResponse<String> outage = operatorPost("/operator/providers/" + id + "/sync", "");
        assertThat(outage.statusCode()).as(outage.body()).isEqualTo(502);
        assertThat(json(outage.body()).get("error").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(count(northstar(), getRequestedFor(urlPathEqualTo("/outage" + LIST))) - before).isEqualTo(3);   // retried GET

        patch("/operator/providers/" + id, "{\"version\":" + v2.get("version").asLong() + ",\"catalogueBaseUrl\":\"" + base + "/garbage\"}", operatorToken());
        HttpResponse<String> garbage = operatorPost("/operator/providers/" + id + "/sync", "");
        assertThat(garbage.statusCode()).isEqualTo(502);
        assertThat(json(garbage.body()).get("message").asText()).contains("not JSON");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ?", Long.class, id)).isEqualTo(5);
        JsonNode health = json(get("/operator/providers/" + id + "/health", operatorToken()).body());
        assertThat(health.at("/catalogue/consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(health.at("/catalogue/lastError").asText()).contains("not JSON");
        assertThat(health.at("/catalogue/games").asInt()).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT detail->'after'->>'status' FROM audit_log WHERE target = ? AND action = 'PROVIDER_CATALOGUE_SYNC' ORDER BY id",
                String.class, "provider:" + id)).containsExactly("OK", "FAILED", "FAILED");
    }

    @Test
    void a_slow_body_times_out_fast() {
        String id = newId("slow");
        registerNorthstar(id, "/slow", "{\"retryAttempts\":1}");
        long start = System.nanoTime();
        HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(ms).isLessThan(4_000);   // the studio would need 6 s; the read time-out is 1.5 s in tests
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ?", Long.class, id)).isZero();
    }

    @Test
    void a_pragmatic_catalogue_is_pulled_with_the_hash_of_the_provider_secret() {
        String id = newId("pp");
        registerRedfox(id, "redfox-secret-" + id, "{\"secureLogin\":\"login-" + id + "\"}");
        JsonNode r = sync(id);
        assertThat(r.get("games").asInt()).isEqualTo(3);
        List<LoggedRequest> calls = redfox().findAll(getRequestedFor(urlPathEqualTo("/CasinoGameAPI/getCasinoGames/"))
                .withQueryParam("secureLogin", com.github.tomakehurst.wiremock.client.WireMock.equalTo("login-" + id)));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).queryParameter("hash").firstValue())
                .isEqualTo(ProviderHashes.pragmaticHash(Map.of("secureLogin", "login-" + id), "redfox-secret-" + id));
        Map<String, Object> fox = jdbc.queryForMap("SELECT * FROM provider_game WHERE provider_id = ? AND game_id = 'rf-fox-fortune'", id);
        assertThat(fox).containsEntry("name", "Fox Fortune").containsEntry("category", "video slots").containsEntry("demo", true);
        assertThat((BigDecimal) fox.get("rtp")).isEqualByComparingTo("0.9648");
    }

    @Test
    void the_timed_route_syncs_a_provider_on_its_own_period() {
        String id = newId("timed");
        northstar().resetScenario("ns-catalogue");
        registerNorthstar(id, "/" + id, "{\"catalogueSyncPeriod\":\"PT1S\",\"catalogueMinInterval\":\"PT0S\"}");
        try {
            assertThat(camel.getRoute("catalogue-sync-" + id)).isNotNull();
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ?", Long.class, id) == 5);
            assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = ?", String.class, "provider:" + id))
                    .as("timed syncs are not operator actions").containsExactly("PROVIDER_REGISTERED");
        } finally {
            operatorPost("/operator/providers/" + id + "/disable", "");   // a disabled provider's ticks do nothing
        }
    }

    @Autowired
    io.hub.app.providers.catalogue.CatalogueSyncScheduler scheduler;

    @Test
    void a_provider_registered_on_another_node_gets_its_timed_route_at_the_next_refresh() {
        String id = newId("other");
        // written straight to the shared database, as another node's operator API would
        registry.register(new ProviderConfig(id, ProviderProtocol.PRAGMATIC, "Other node", true, null, studios.baseUrl("redfox"),
                List.of("EUR"), ProviderConfig.defaultPolicy(ProviderProtocol.PRAGMATIC), new ProviderCredentials(null, "other-secret", null),
                Map.of("catalogueSyncPeriod", "PT10M"), 0, null, null));
        assertThat(camel.getRoute("catalogue-sync-" + id)).isNull();

        scheduler.scheduleAll();

        assertThat(camel.getRoute("catalogue-sync-" + id)).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus("catalogue-sync-" + id).isStarted()).isTrue();
    }

    @Test
    void the_lobby_lists_external_games_with_limits_and_availability_and_hides_disabled_games() {
        String id = newId("lob");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        TestPlayer player = newPlayer("EUR", "0");
        String token = login(player.username(), player.password()).accessToken();

        JsonNode lights = entry(token, id + ":ns-northern-lights");
        assertThat(lights).isNotNull();
        assertThat(lights.get("name").asText()).isEqualTo("Northern Lights");
        assertThat(lights.get("provider").asText()).isEqualTo(id);
        assertThat(lights.get("type").asText()).isEqualTo("slot");
        assertThat(lights.get("minBet").asText()).isEqualTo("0.10");
        assertThat(lights.get("maxBet").asText()).isEqualTo("100.00");
        assertThat(lights.get("currency").asText()).isEqualTo("EUR");
        assertThat(lights.get("rtp").asText()).isEqualTo("0.9650");
        assertThat(lights.get("volatility").asText()).isEqualTo("high");
        assertThat(lights.get("available").asBoolean()).isTrue();
        assertThat(entry(token, "red-white-blue")).as("in-house games stay listed").isNotNull();

        HttpResponse<String> off = operatorPost("/operator/providers/" + id + "/games/ns-northern-lights/disable", "");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(entry(token, id + ":ns-northern-lights")).isNull();
        assertThat(jdbc.queryForObject("SELECT action FROM audit_log WHERE target = ?", String.class,
                "provider-game:" + id + ":ns-northern-lights")).isEqualTo("PROVIDER_GAME_DISABLED");
        // a later sync keeps the operator's choice
        sync(id);
        assertThat(entry(token, id + ":ns-northern-lights")).isNull();

        operatorPost("/operator/providers/" + id + "/disable", "");
        assertThat(entry(token, id + ":ns-polar-roulette").get("available").asBoolean()).isFalse();
        operatorPost("/operator/providers/" + id + "/enable", "");
        assertThat(entry(token, id + ":ns-polar-roulette").get("available").asBoolean()).isTrue();
        assertThat(operatorPost("/operator/providers/" + id + "/games/no-such-game/disable", "").statusCode()).isEqualTo(404);
    }

    @Autowired
    io.hub.app.providers.catalogue.GameAvailability availability;

    @Test
    void a_game_the_catalogue_no_longer_returns_is_delisted_not_deleted_and_a_later_sync_relists_it() {
        String id = newId("dl");
        registerRedfox(id, "delist-secret-" + id, "{\"catalogueMinInterval\":\"PT0S\"}", "/rotation");
        redfox().resetScenario("rf-catalogue-rotation");   // full list, then rf-moon-blackjack withdrawn, then full again
        TestPlayer player = newPlayer("EUR", "0");
        String token = login(player.username(), player.password()).accessToken();
        String moon = id + ":rf-moon-blackjack";

        JsonNode first = sync(id);
        assertThat(first.get("games").asInt()).isEqualTo(3);
        assertThat(first.get("delisted").asInt()).isZero();
        assertThat(first.get("relisted").asInt()).isZero();
        assertThat(entry(token, moon)).isNotNull();

        JsonNode second = sync(id);
        assertThat(second.get("status").asText()).isEqualTo("OK");
        assertThat(second.get("games").asInt()).isEqualTo(2);
        assertThat(second.get("delisted").asInt()).isEqualTo(1);
        assertThat(second.get("relisted").asInt()).isZero();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM provider_game WHERE provider_id = ? AND game_id = 'rf-moon-blackjack'", id);
        assertThat(row.get("delisted_at")).as("delisted with its time").isNotNull();
        assertThat(row).containsEntry("enabled", true).containsEntry("name", "Moon Blackjack");   // kept, not deleted
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ?", Long.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ? AND delisted_at IS NOT NULL", Long.class, id))
                .isEqualTo(1);
        // out of the lobby, not launchable (a clear error), no new bets; the other games stay
        assertThat(entry(token, moon)).isNull();
        assertThat(entry(token, id + ":rf-fox-fortune")).isNotNull();
        HttpResponse<String> launch = post("/games/" + moon + "/launch", "{\"mode\":\"real\"}", token, "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(404);
        assertThat(json(launch.body()).get("error").asText()).isEqualTo("GAME_DELISTED");
        assertThat(json(launch.body()).get("message").asText()).contains("rf-moon-blackjack", "withdrawn", "cannot be launched");
        assertThat(availability.status(id, "rf-moon-blackjack")).isEqualTo(io.hub.app.providers.catalogue.GameAvailability.Status.DELISTED);
        JsonNode listed = json(get("/operator/providers/" + id + "/games", operatorToken()).body());
        for (JsonNode g : listed) {
            assertThat(g.hasNonNull("delistedAt")).as(g.toString()).isEqualTo(g.get("gameId").asText().equals("rf-moon-blackjack"));
        }
        JsonNode health = json(get("/operator/providers/" + id + "/health", operatorToken()).body());
        assertThat(health.at("/catalogue/games").asInt()).isEqualTo(2);
        assertThat(health.at("/catalogue/delisted").asInt()).isEqualTo(1);
        assertThat(health.at("/catalogue/relisted").asInt()).isZero();

        JsonNode third = sync(id);
        assertThat(third.get("games").asInt()).isEqualTo(3);
        assertThat(third.get("delisted").asInt()).isZero();
        assertThat(third.get("relisted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT delisted_at IS NULL FROM provider_game WHERE provider_id = ? AND game_id = 'rf-moon-blackjack'",
                Boolean.class, id)).isTrue();
        assertThat(entry(token, moon)).isNotNull();
        assertThat(availability.status(id, "rf-moon-blackjack")).isEqualTo(io.hub.app.providers.catalogue.GameAvailability.Status.LISTED);
        HttpResponse<String> again = post("/games/" + moon + "/launch", "{\"mode\":\"real\"}", token, "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        health = json(get("/operator/providers/" + id + "/health", operatorToken()).body());
        assertThat(health.at("/catalogue/delisted").asInt()).isZero();
        assertThat(health.at("/catalogue/relisted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT (detail->'after'->>'delisted') || '/' || (detail->'after'->>'relisted') FROM audit_log"
                + " WHERE target = ? AND action = 'PROVIDER_CATALOGUE_SYNC' ORDER BY id", String.class, "provider:" + id))
                .containsExactly("0/0", "1/0", "0/1");
    }

    @Test
    void an_empty_game_list_delists_nothing_and_counts_as_a_failed_sync() {
        String id = newId("empty");
        JsonNode p = registerRedfox(id, "empty-secret-" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        assertThat(sync(id).get("games").asInt()).isEqualTo(3);
        patch("/operator/providers/" + id, "{\"version\":" + p.get("version").asLong() + ",\"catalogueBaseUrl\":\""
                + studios.baseUrl("redfox") + "/empty\"}", operatorToken());

        HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(json(r.body()).get("message").asText()).contains("holds no game while 3 are listed", "nothing delisted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ? AND delisted_at IS NULL", Long.class, id))
                .isEqualTo(3);
        JsonNode health = json(get("/operator/providers/" + id + "/health", operatorToken()).body());
        assertThat(health.at("/catalogue/consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(health.at("/catalogue/lastError").asText()).contains("holds no game");
    }

    private JsonNode entry(String token, String gameId) {
        HttpResponse<String> r = get("/games/list", token);
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode g : json(r.body())) if (g.get("gameId").asText().equals(gameId)) return g;
        return null;
    }
}
