package io.hub.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-provider HTTP time-outs (settings {@code launchConnectTimeout}, {@code launchReadTimeout},
 * {@code catalogueConnectTimeout}, {@code catalogueReadTimeout}) used by the camel-http calls and counted by the
 * provider's Resilience4j circuit breaker, against the simulated studios' faults: {@code ns-slow-launch} answers after
 * 3 s, {@code /slow} dribbles the game list in 3 chunks over 6 s. The tests' hub-wide read time-out is 1.5 s.
 */
class ProviderTimeoutsTest extends ProviderTestSupport {
    static final String LAUNCH = "/operator/generic/v2/game/url";

    private String synced(String settings) {
        return synced("to", settings);
    }

    @Test
    void a_launch_with_a_short_read_timeout_fails_fast_with_a_clear_error_and_the_breaker_counts_it() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"launchReadTimeout\":\"PT0.3S\"}");
        JsonNode before = health(id);
        assertThat(before.at("/timeouts/launch/readMs").asLong()).isEqualTo(300);
        assertThat(before.at("/timeouts/launch/connectMs").asLong()).isEqualTo(2_000);     // hub-wide default
        assertThat(before.at("/timeouts/catalogue/readMs").asLong()).isEqualTo(1_500);     // hub-wide default (tests)
        assertThat(before.at("/breakerCalls/failedCalls").asInt()).isZero();
        assertThat(before.at("/breakerCalls/bufferedCalls").asInt()).isEqualTo(1);          // the sync's game list

        long start = System.nanoTime();
        HttpResponse<String> r = launch(playerToken(), id + ":ns-slow-launch");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(json(r.body()).get("message").asText()).isEqualTo("provider '" + id + "' did not answer launch in time (silent for its"
                + " 300 ms read time-out)");
        assertThat(ms).as("the studio answers after 3 s, the hub-wide read time-out is 1.5 s").isLessThan(1_300);
        JsonNode after = health(id);
        assertThat(after.at("/breakerCalls/failedCalls").asInt()).isEqualTo(1);
        assertThat(after.at("/breakerCalls/bufferedCalls").asInt()).isEqualTo(2);
        assertThat(after.get("breaker").asText()).isEqualTo("CLOSED");   // one failure of two: under the 50 % of 5 calls
        assertThat(sample(prometheus(), "hub_provider_outbound_seconds_count", "provider=\"" + id + "\"", "operation=\"launch\"",
                "outcome=\"timeout\"")).isEqualTo(1.0);
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + LAUNCH)))).hasSize(1);   // a POST is sent once
    }

    @Test
    void a_provider_with_a_long_read_timeout_waits_for_its_slow_studio() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"launchReadTimeout\":\"PT5S\"}");
        long start = System.nanoTime();
        HttpResponse<String> r = launch(playerToken(), id + ":ns-slow-launch");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).as("the provider's 5 s beat the hub-wide 1.5 s: " + r.body()).isEqualTo(200);
        assertThat(json(r.body()).get("url").asText()).isEqualTo("https://northstar.example/too-late");
        assertThat(ms).isGreaterThanOrEqualTo(2_900);
        assertThat(health(id).at("/breakerCalls/failedCalls").asInt()).isZero();
    }

    @Test
    void a_catalogue_with_a_short_read_timeout_gives_up_on_a_slow_body_fast_and_the_breaker_counts_it() {
        String id = newId("tos");
        registerNorthstar(id, "/slow", "{\"retryAttempts\":1,\"catalogueReadTimeout\":\"PT0.4S\"}");
        long start = System.nanoTime();
        HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(json(r.body()).get("message").asText()).contains("did not answer catalogue in time", "400 ms read time-out");
        assertThat(ms).as("the body needs 6 s, the hub-wide read time-out is 1.5 s").isLessThan(1_400);
        JsonNode h = health(id);
        assertThat(h.at("/breakerCalls/failedCalls").asInt()).isEqualTo(1);
        assertThat(h.at("/timeouts/catalogue/readMs").asLong()).isEqualTo(400);
        assertThat(h.at("/catalogue/consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(h.at("/catalogue/lastError").asText()).contains("400 ms read time-out");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_game WHERE provider_id = ?", Long.class, id)).isZero();
    }

    @Test
    void timeouts_open_the_breaker_which_then_fails_fast_without_calling_the_studio() {
        String id = synced("{\"catalogueMinInterval\":\"PT0S\",\"launchReadTimeout\":\"PT0.2S\",\"breakerMinCalls\":3,"
                + "\"breakerWindow\":3,\"breakerFailureRatePercent\":60,\"breakerOpenDuration\":\"PT30S\"}");
        String token = playerToken();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = launch(token, id + ":ns-slow-launch");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        }
        // the sync's success and two time-outs: 67 % failures in a window of 3
        assertThat(health(id).get("breaker").asText()).isEqualTo("OPEN");
        assertThat(health(id).at("/breakerCalls/failedCalls").asInt()).isEqualTo(2);
        long start = System.nanoTime();
        HttpResponse<String> fast = launch(token, id + ":ns-northern-lights");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(fast.statusCode()).isEqualTo(503);
        assertThat(json(fast.body()).get("error").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + LAUNCH)))).hasSize(2);
    }

    @Test
    void a_studio_that_never_accepts_the_connection_fails_within_the_connect_timeout() throws IOException {
        // a listening socket that never accepts, its backlog filled: further connection attempts get no answer
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), 200);
                    } catch (IOException full) {
                        // the backlog is full
                    }
                    fillers.add(s);
                }
                String id = newId("toc");
                String base = "http://127.0.0.1:" + silent.getLocalPort();
                HttpResponse<String> reg = operatorPost("/operator/providers", "{\"id\":\"" + id + "\",\"protocol\":\"HUB88\","
                        + "\"displayName\":\"Silent\",\"launchBaseUrl\":\"" + base + "\",\"catalogueBaseUrl\":\"" + base + "\","
                        + "\"credentials\":{\"publicKeyPem\":" + JSON.valueToTree(publicKeyPem()) + "},\"currencies\":[\"EUR\"],"
                        + "\"settings\":{\"retryAttempts\":1,\"catalogueConnectTimeout\":\"PT0.3S\"}}");
                assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);

                long start = System.nanoTime();
                HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");
                long ms = (System.nanoTime() - start) / 1_000_000;

                assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
                assertThat(json(r.body()).get("error").asText()).isEqualTo("PROVIDER_TIMEOUT");
                assertThat(json(r.body()).get("message").asText()).contains("could not be connected to for catalogue within its 300 ms connect time-out");
                assertThat(ms).as("the hub-wide connect time-out is 2 s").isLessThan(1_500);
                assertThat(health(id).at("/breakerCalls/failedCalls").asInt()).isEqualTo(1);
                operatorPost("/operator/providers/" + id + "/disable", "");   // its timed sync would call a closed port later
            } finally {
                for (Socket s : fillers) s.close();
            }
        }
    }

    @Test
    void timeout_settings_are_validated_and_a_null_returns_to_the_hub_wide_default() {
        String id = newId("tov");
        String body = "{\"id\":\"" + id + "\",\"protocol\":\"PRAGMATIC\",\"displayName\":\"V\",\"credentials\":{\"secret\":\"tov-secret-1\"},"
                + "\"currencies\":[\"EUR\"],\"settings\":";
        HttpResponse<String> tooShort = operatorPost("/operator/providers", body + "{\"launchReadTimeout\":\"PT0.05S\"}}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort.body()).get("message").asText()).isEqualTo("setting 'launchReadTimeout' must be between PT0.1S and PT2M");
        HttpResponse<String> number = operatorPost("/operator/providers", body + "{\"catalogueConnectTimeout\":500}}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json(number.body()).get("message").asText()).contains("'catalogueConnectTimeout' must be an ISO-8601 duration");

        HttpResponse<String> ok = operatorPost("/operator/providers", body + "{\"launchConnectTimeout\":\"PT0.5S\",\"catalogueReadTimeout\":\"PT30S\"}}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode p = json(ok.body());
        assertThat(p.at("/settings/launchConnectTimeout").asText()).isEqualTo("PT0.5S");
        assertThat(p.at("/health/timeouts/launch/connectMs").asLong()).isEqualTo(500);
        assertThat(p.at("/health/timeouts/catalogue/readMs").asLong()).isEqualTo(30_000);
        assertThat(p.at("/health/breakerCalls/slowCallThresholdMs").isMissingNode()).isTrue();   // never called yet

        HttpResponse<String> back = patch("/operator/providers/" + id, "{\"version\":" + p.get("version").asLong()
                + ",\"settings\":{\"catalogueReadTimeout\":null}}", operatorToken());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back.body()).at("/health/timeouts/catalogue/readMs").asLong()).isEqualTo(1_500);
        assertThat(json(back.body()).at("/health/timeouts/launch/connectMs").asLong()).isEqualTo(500);
    }
}
