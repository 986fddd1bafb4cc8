package io.hub.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole-answer deadline of outbound provider calls (settings {@code launchTimeout}, {@code catalogueTimeout}):
 * studios that dribble their answer (WireMock's chunked dribble delay), never silent for the read time-out (the tests'
 * hub-wide one is 1.5 s), are cut off at the deadline, answered like any time-out (504 {@code PROVIDER_TIMEOUT}),
 * counted by the breaker and the {@code hub_provider_outbound} metrics ({@code outcome="deadline"}), and their
 * connection is given back. Each test stubs its own provider's path on the northstar studio.
 */
class ProviderDeadlineTest extends ProviderTestSupport {
    static final String LAUNCH = "/operator/generic/v2/game/url";
    static final String LIST = "/operator/generic/v2/game/list";

    @Autowired
    CamelContext camelContext;

    private String synced(String settings) {
        return synced("dl", settings);
    }

    /**
     * A 200 whose body really dribbles: {@code Content-Encoding: identity}, because the hub's HttpClient accepts gzip and
     * WireMock's Jetty would otherwise gzip the answer and hold every byte of it until the end (a silence, not a dribble).
     */
    private static ResponseDefinitionBuilder dribbled(int chunks, int ms) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "identity")
                .withChunkedDribbleDelay(chunks, ms);
    }

    /** The provider's launch of {@code gameCode} answers 200 with its body dribbled in {@code chunks} over {@code ms}. */
    private StubMapping dribbledLaunch(String id, String gameCode, int chunks, int ms) {
        return northstar().stubFor(WireMock.post(urlPathEqualTo("/" + id + LAUNCH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.game_code == '" + gameCode + "')]"))
                .willReturn(dribbled(chunks, ms)
                        .withBody("{\"url\":\"https://northstar.example/dribbled/" + gameCode + "\",\"padding\":\"....................\"}")));
    }

    /** Connections leased now from the pools of the camel-http endpoints calling the provider's path (-1: no endpoint). */
    private long leased(String id) {
        long n = -1;
        for (Endpoint e : camelContext.getEndpoints()) {
            if (e instanceof HttpEndpoint h && h.getEndpointUri().contains("/" + id + "/")
                    && h.getClientConnectionManager() instanceof PoolingHttpClientConnectionManager pool) {
                n = Math.max(n, 0) + pool.getTotalStats().getLeased();
            }
        }
        return n;
    }

    @Test
    void a_launch_whose_answer_dribbles_past_launchTimeout_is_aborted_fast_with_the_timeout_error_and_counted() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"launchTimeout\":\"PT1S\"}");
        StubMapping dribble = dribbledLaunch(id, "ns-polar-roulette", 10, 5_000);   // a chunk every 0.5 s for 5 s
        try {
            JsonNode before = health(id);
            assertThat(before.at("/timeouts/launch/totalMs").asLong()).isEqualTo(1_000);
            assertThat(before.at("/timeouts/launch/readMs").asLong()).isEqualTo(1_500);       // hub-wide (tests)
            assertThat(before.at("/timeouts/catalogue/totalMs").asLong()).isEqualTo(60_000);  // hub-wide default
            String token = playerToken();

            long start = System.nanoTime();
            HttpResponse<String> r = launch(token, id + ":ns-polar-roulette");
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
            assertThat(json(r.body()).get("message").asText()).isEqualTo("provider '" + id + "' did not answer launch in time"
                    + " (the whole answer took longer than its 1000 ms time-out)");
            assertThat(ms).as("the body needs 5 s and is never silent for the 1.5 s read time-out").isBetween(950L, 2_500L);
            JsonNode after = health(id);
            assertThat(after.at("/breakerCalls/failedCalls").asInt()).isEqualTo(1);
            assertThat(after.at("/breakerCalls/bufferedCalls").asInt()).isEqualTo(2);          // the sync's list and the launch
            assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                    "outcome=\"deadline\"")).isEqualTo(1.0);
            assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + LAUNCH)))).hasSize(1);   // a POST is sent once
            // the aborted call's connection went back to the pool (closed), not held until the studio finishes
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(leased(id)).isZero());

            HttpResponse<String> next = launch(token, id + ":ns-northern-lights");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                    "outcome=\"deadline\"")).isEqualTo(1.0);
        } finally {
            northstar().removeStub(dribble);
        }
    }

    @Test
    void an_answer_longer_than_the_read_timeout_but_within_launchTimeout_is_waited_for() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"launchReadTimeout\":\"PT1S\",\"launchTimeout\":\"PT6S\"}");
        StubMapping dribble = dribbledLaunch(id, "ns-northern-lights", 10, 2_500);   // a chunk every 0.25 s for 2.5 s
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = launch(playerToken(), id + ":ns-northern-lights");
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r.body()).get("url").asText()).isEqualTo("https://northstar.example/dribbled/ns-northern-lights");
            assertThat(ms).as("the whole answer outlasts the 1 s read time-out, never silent for it").isGreaterThanOrEqualTo(2_000);
            assertThat(health(id).at("/breakerCalls/failedCalls").asInt()).isZero();
            assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                    "outcome=\"ok\"")).isEqualTo(1.0);
        } finally {
            northstar().removeStub(dribble);
        }
    }

    @Test
    void a_game_list_that_dribbles_past_catalogueTimeout_is_aborted_per_attempt_and_the_catalogue_is_kept() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"retryAttempts\":2,\"retryWait\":\"PT0.1S\",\"catalogueTimeout\":\"PT0.8S\"}");
        String rows = "SELECT game_id, name, enabled, delisted_at, synced_at FROM provider_game WHERE provider_id = ? ORDER BY game_id";
        List<Map<String, Object>> catalogue = jdbc.queryForList(rows, id);
        assertThat(catalogue).hasSize(5);
        String lastSuccess = health(id).at("/catalogue/lastSuccessAt").asText();
        StubMapping dribble = northstar().stubFor(WireMock.get(urlPathEqualTo("/" + id + LIST)).atPriority(1)
                .willReturn(dribbled(12, 6_000).withBodyFile("northstar/games.json")));   // a chunk every 0.5 s for 6 s
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
            assertThat(json(r.body()).get("message").asText()).isEqualTo("provider '" + id + "' did not answer catalogue in time"
                    + " (the whole answer took longer than its 800 ms time-out)");
            // a GET is retried: two attempts of 0.8 s and a 0.1 s pause, not 2 × 6 s
            assertThat(ms).isBetween(1_600L, 3_500L);
            assertThat(northstar().findAll(getRequestedFor(urlPathEqualTo("/" + id + LIST)))).hasSize(3);   // the first sync + 2
            JsonNode h = health(id);
            assertThat(h.at("/timeouts/catalogue/totalMs").asLong()).isEqualTo(800);
            assertThat(h.at("/breakerCalls/failedCalls").asInt()).isEqualTo(2);
            assertThat(h.at("/catalogue/consecutiveFailures").asInt()).isEqualTo(1);
            assertThat(h.at("/catalogue/lastError").asText()).contains("800 ms time-out");
            assertThat(h.at("/catalogue/lastSuccessAt").asText()).isEqualTo(lastSuccess);
            assertThat(h.at("/catalogue/games").asInt()).isEqualTo(5);
            assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"catalogue\"",
                    "outcome=\"deadline\"")).isEqualTo(2.0);
            assertThat(jdbc.queryForList(rows, id)).as("nothing written, nothing delisted").isEqualTo(catalogue);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(leased(id)).isZero());
        } finally {
            northstar().removeStub(dribble);
        }
    }

    @Test
    void whole_answer_timeouts_are_validated_and_a_null_returns_to_the_hub_wide_default() {
        String id = newId("dlv");
        String body = "{\"id\":\"" + id + "\",\"protocol\":\"PRAGMATIC\",\"displayName\":\"V\",\"credentials\":{\"secret\":\"dlv-secret-1\"},"
                + "\"currencies\":[\"EUR\"],\"settings\":";
        HttpResponse<String> tooLong = operatorPost("/operator/providers", body + "{\"launchTimeout\":\"PT3M\"}}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong.body()).get("message").asText()).isEqualTo("setting 'launchTimeout' must be between PT0.1S and PT2M");
        HttpResponse<String> number = operatorPost("/operator/providers", body + "{\"catalogueTimeout\":30}}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json(number.body()).get("message").asText()).contains("'catalogueTimeout' must be an ISO-8601 duration");

        HttpResponse<String> ok = operatorPost("/operator/providers", body + "{\"launchTimeout\":\"PT2.5S\",\"catalogueTimeout\":\"PT5M\"}}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode p = json(ok.body());
        assertThat(p.at("/settings/launchTimeout").asText()).isEqualTo("PT2.5S");
        assertThat(p.at("/health/timeouts/launch/totalMs").asLong()).isEqualTo(2_500);
        assertThat(p.at("/health/timeouts/catalogue/totalMs").asLong()).isEqualTo(300_000);

        HttpResponse<String> back = patch("/operator/providers/" + id, "{\"version\":" + p.get("version").asLong()
                + ",\"settings\":{\"launchTimeout\":null}}", operatorToken());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back.body()).at("/health/timeouts/launch/totalMs").asLong()).isEqualTo(5_000);   // hub.providers.launch-timeout
        assertThat(json(back.body()).at("/health/timeouts/catalogue/totalMs").asLong()).isEqualTo(300_000);
    }
}
