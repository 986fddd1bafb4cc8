package io.hub.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hub.app.providers.outbound.ProviderHashes;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /games/{gameId}/launch: sessions, both studio protocols, errors, time-out, the circuit breaker, metrics. */
class GameLaunchTest extends ProviderTestSupport {
    static final String URL = "/operator/generic/v2/game/url";

    private HttpResponse<String> launch(String token, String gameId, String body) {
        return post("/games/" + gameId + "/launch", body, token, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String playerToken(String currency) {
        TestPlayer p = newPlayer(currency, "0");
        return login(p.username(), p.password()).accessToken();
    }

    @Test
    void a_real_launch_issues_a_session_bound_to_player_game_and_currency_and_returns_the_studio_url() {
        String id = newId("ln");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        TestPlayer player = newPlayer("EUR", "0");
        String token = login(player.username(), player.password()).accessToken();

        HttpResponse<String> r = launch(token, id + ":ns-northern-lights", "{\"mode\":\"real\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = json(r.body());
        String session = j.get("sessionToken").asText();
        assertThat(j.get("mode").asText()).isEqualTo("real");
        assertThat(j.get("url").asText()).isEqualTo(studios.baseUrl("northstar") + "/play/ns-northern-lights?currency=EUR&token=" + session);
        ProviderSession s = sessions.resolve(id, session).orElseThrow();
        assertThat(s.playerId()).isEqualTo(player.id());
        assertThat(s.gameId()).isEqualTo("ns-northern-lights");
        assertThat(s.currency()).isEqualTo("EUR");
        assertThat(s.mode()).isEqualTo(ProviderSession.Mode.REAL);
        assertThat(s.current(java.time.Instant.now())).isTrue();
        List<LoggedRequest> sent = northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + URL)));
        assertThat(sent).hasSize(1);
        JsonNode body = json(sent.get(0).getBodyAsString());
        assertThat(body.get("user").asText()).isEqualTo(player.id().toString());
        assertThat(body.get("token").asText()).isEqualTo(session);
        assertThat(body.get("game_code").asText()).isEqualTo("ns-northern-lights");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");

        HttpResponse<String> demo = launch(token, id + ":ns-northern-lights", "{\"mode\":\"demo\"}");
        assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
        assertThat(json(demo.body()).get("mode").asText()).isEqualTo("demo");
        assertThat(json(demo.body()).get("url").asText()).contains("currency=XXX");   // Hub88 demo currency [H13]
        assertThat(sessions.resolve(id, json(demo.body()).get("sessionToken").asText()).orElseThrow().mode())
                .isEqualTo(ProviderSession.Mode.DEMO);

        assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                "outcome=\"ok\"")).isEqualTo(2.0);
    }

    @Autowired
    ProviderSessions sessions;

    @Test
    void a_pragmatic_launch_is_a_signed_form_post() {
        String id = newId("lp");
        registerRedfox(id, "launch-secret-" + id, "{\"catalogueMinInterval\":\"PT0S\",\"secureLogin\":\"op-" + id + "\"}");
        sync(id);
        String token = playerToken("EUR");

        HttpResponse<String> r = launch(token, id + ":rf-fox-fortune", "{\"mode\":\"real\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).get("url").asText()).isEqualTo(studios.baseUrl("redfox") + "/gs2c/openGame.do?lang=en");
        LoggedRequest sent = redfox().findAll(postRequestedFor(urlPathEqualTo("/game/url/"))).stream()
                .filter(q -> q.getBodyAsString().contains("secureLogin=op-" + id)).findFirst().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        for (String kv : sent.getBodyAsString().split("&")) {
            String[] p = kv.split("=", 2);
            form.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        assertThat(form).containsEntry("symbol", "rf-fox-fortune").containsEntry("playMode", "REAL").containsEntry("currency", "EUR")
                .containsEntry("token", json(r.body()).get("sessionToken").asText());
        String hash = form.remove("hash");
        assertThat(hash).isEqualTo(ProviderHashes.pragmaticHash(form, "launch-secret-" + id));

        HttpResponse<String> closed = launch(token, id + ":rf-closed", "{\"mode\":\"real\"}");
        assertThat(closed.statusCode()).isEqualTo(502);
        assertThat(json(closed.body()).get("error").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(json(closed.body()).get("message").asText()).contains("error 8");
    }

    @Test
    void bad_launch_requests_get_clear_errors() {
        String id = newId("le");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        String eur = playerToken("EUR");

        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put(id + ":ns-northern-lights|{\"mode\":\"fun\"}", new String[] {"400", "INVALID_MESSAGE"});
        cases.put(id + ":ns-northern-lights|{}", new String[] {"400", "MISSING_FIELD"});
        cases.put(id + ":ns-northern-lights|{\"mode\":1}", new String[] {"400", "INVALID_MESSAGE"});
        cases.put(id + ":ns-northern-lights|not json", new String[] {"400", "INVALID_MESSAGE"});
        cases.put(id + ":ns-polar-roulette|{\"mode\":\"demo\"}", new String[] {"400", "DEMO_NOT_SUPPORTED"});
        cases.put(id + ":no-such-game|{\"mode\":\"real\"}", new String[] {"404", "UNKNOWN_GAME"});
        cases.put("no-such-provider:ns-northern-lights|{\"mode\":\"real\"}", new String[] {"404", "UNKNOWN_GAME"});
        cases.put("red-white-blue|{\"mode\":\"real\"}", new String[] {"400", "NOT_EXTERNAL"});
        cases.put("nothing|{\"mode\":\"real\"}", new String[] {"404", "UNKNOWN_GAME"});
        cases.forEach((k, expected) -> {
            String[] parts = k.split("\\|", 2);
            HttpResponse<String> r = launch(eur, parts[0], parts[1]);
            assertThat(r.statusCode()).as(k + " → " + r.body()).isEqualTo(Integer.parseInt(expected[0]));
            assertThat(json(r.body()).get("error").asText()).as(k).isEqualTo(expected[1]);
        });

        HttpResponse<String> gbp = launch(playerToken("GBP"), id + ":ns-northern-lights", "{\"mode\":\"real\"}");
        assertThat(gbp.statusCode()).isEqualTo(400);
        assertThat(json(gbp.body()).get("error").asText()).isEqualTo("CURRENCY_MISMATCH");

        operatorPost("/operator/providers/" + id + "/games/ns-northern-lights/disable", "");
        assertThat(launch(eur, id + ":ns-northern-lights", "{\"mode\":\"real\"}").statusCode()).isEqualTo(404);
        operatorPost("/operator/providers/" + id + "/disable", "");
        HttpResponse<String> disabled = launch(eur, id + ":ns-polar-roulette", "{\"mode\":\"real\"}");
        assertThat(disabled.statusCode()).isEqualTo(503);
        assertThat(json(disabled.body()).get("error").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + URL)))).isEmpty();
        assertThat(post("/games/" + id + ":ns-polar-roulette/launch", "{\"mode\":\"real\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_launch_that_times_out_fails_fast_and_is_not_retried() {
        String id = newId("lt");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        long start = System.nanoTime();
        HttpResponse<String> r = launch(playerToken("EUR"), id + ":ns-slow-launch", "{\"mode\":\"real\"}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(ms).isLessThan(2_900);   // the studio answers after 3 s; the read time-out is 1.5 s in tests
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + URL)))).hasSize(1);   // a POST is sent once
        assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                "outcome=\"timeout\"")).isEqualTo(1.0);
    }

    @Test
    void the_breaker_opens_after_failures_fails_fast_marks_the_lobby_and_recovers_through_half_open() {
        String id = newId("br");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\",\"breakerMinCalls\":3,\"breakerWindow\":3,"
                + "\"breakerFailureRatePercent\":100,\"breakerOpenDuration\":\"PT1S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        northstar().resetScenario("ns-flaky-launch");   // three 503s, then 200
        String token = playerToken("EUR");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = launch(token, id + ":ns-flaky", "{\"mode\":\"real\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_ERROR");
        }
        assertThat(json(get("/operator/providers/" + id + "/health", operatorToken()).body()).get("breaker").asText()).isEqualTo("OPEN");
        long start = System.nanoTime();
        HttpResponse<String> fast = launch(token, id + ":ns-flaky", "{\"mode\":\"real\"}");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(fast.statusCode()).isEqualTo(503);
        assertThat(json(fast.body()).get("error").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + URL)))).hasSize(3);   // nothing sent while open
        assertThat(lobbyAvailable(token, id + ":ns-northern-lights")).isFalse();
        String scrape = prometheus();
        assertThat(sample(scrape, "hub_provider_breaker_state", "provider=\"" + id + "\"")).isEqualTo(1.0);
        assertThat(sample(scrape, "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "outcome=\"http_503\"")).isEqualTo(3.0);

        await().atMost(Duration.ofSeconds(5)).until(() ->
                "HALF_OPEN".equals(json(get("/operator/providers/" + id + "/health", operatorToken()).body()).get("breaker").asText()));
        HttpResponse<String> probe = launch(token, id + ":ns-flaky", "{\"mode\":\"real\"}");
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        assertThat(json(get("/operator/providers/" + id + "/health", operatorToken()).body()).get("breaker").asText()).isEqualTo("CLOSED");
        assertThat(lobbyAvailable(token, id + ":ns-northern-lights")).isTrue();
        assertThat(sample(prometheus(), "hub_provider_breaker_state", "provider=\"" + id + "\"")).isEqualTo(0.0);
    }

    @Test
    void the_bulkhead_refuses_a_second_concurrent_call_at_once() throws Exception {
        String id = newId("bh");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\",\"bulkheadMaxConcurrent\":1,\"breakerMinCalls\":10}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        String token = playerToken("EUR");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> launch(token, id + ":ns-slow-launch", "{\"mode\":\"real\"}"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                json(get("/operator/providers/" + id + "/health", operatorToken()).body()).get("inFlight").asInt() == 1);

        HttpResponse<String> second = launch(token, id + ":ns-northern-lights", "{\"mode\":\"real\"}");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
        assertThat(json(second.body()).get("message").asText()).contains("too many calls in flight");
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(504);
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + URL)))).hasSize(1);
        assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "outcome=\"bulkhead_full\""))
                .isEqualTo(1.0);
        // once the slow call is over, the provider takes calls again
        assertThat(launch(token, id + ":ns-northern-lights", "{\"mode\":\"real\"}").statusCode()).isEqualTo(200);
    }

    private boolean lobbyAvailable(String token, String gameId) {
        for (JsonNode g : json(get("/games/list", token).body())) {
            if (g.get("gameId").asText().equals(gameId)) return g.get("available").asBoolean();
        }
        throw new AssertionError(gameId + " not listed");
    }
}
