package io.hub.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.hub.app.HubIntegrationTest;
import io.hub.app.providers.simulators.SimulatedStudios;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for the provider tests: operator calls with an Idempotency-Key, the simulated studios, Prometheus. */
public abstract class ProviderTestSupport extends HubIntegrationTest {
    @Autowired
    protected SimulatedStudios studios;
    @Autowired
    protected ProviderRegistry registry;

    /** A mutating operator call (every one carries an Idempotency-Key, for the hub-wide idempotency filter). */
    protected HttpResponse<String> operatorPost(String path, String body) {
        return post(path, body, operatorToken(), "Idempotency-Key", UUID.randomUUID().toString());
    }

    protected HttpResponse<String> patch(String path, String body, String bearer) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An RSA public key in PEM, as a Hub88 provider hands it over at onboarding. */
    protected static String publicKeyPem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Registers a provider against a simulated studio through the operator API; {@code settings} is a JSON object. */
    protected JsonNode registerNorthstar(String id, String basePath, String settings) {
        String base = studios.baseUrl(SimulatedStudios.NORTHSTAR);
        String body = "{\"id\":\"" + id + "\",\"protocol\":\"HUB88\",\"displayName\":\"Northstar " + id + "\","
                + "\"launchBaseUrl\":\"" + base + basePath + "\",\"catalogueBaseUrl\":\"" + base + basePath + "\","
                + "\"credentials\":{\"publicKeyPem\":" + JSON.valueToTree(publicKeyPem()) + "},"
                + "\"currencies\":[\"EUR\",\"USD\"],\"settings\":" + settings + "}";
        HttpResponse<String> r = operatorPost("/operator/providers", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body());
    }

    protected JsonNode registerRedfox(String id, String secret, String settings) {
        return registerRedfox(id, secret, settings, "");
    }

    /** A Pragmatic provider against the redfox studio under {@code basePath} (e.g. a fault or scenario prefix). */
    protected JsonNode registerRedfox(String id, String secret, String settings, String basePath) {
        String base = studios.baseUrl(SimulatedStudios.REDFOX) + basePath;
        String body = "{\"id\":\"" + id + "\",\"protocol\":\"PRAGMATIC\",\"displayName\":\"Redfox " + id + "\","
                + "\"launchBaseUrl\":\"" + base + "\",\"catalogueBaseUrl\":\"" + base + "\","
                + "\"credentials\":{\"secret\":\"" + secret + "\"},\"currencies\":[\"EUR\"],\"settings\":" + settings + "}";
        HttpResponse<String> r = operatorPost("/operator/providers", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r.body());
    }

    protected JsonNode sync(String id) {
        HttpResponse<String> r = operatorPost("/operator/providers/" + id + "/sync", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    /** A bearer token of a new EUR player with a zero balance. */
    protected String playerToken() {
        TestPlayer p = newPlayer("EUR", "0");
        return login(p.username(), p.password()).accessToken();
    }

    /** {@code POST /games/{gameId}/launch} in real mode with a fresh Idempotency-Key. */
    protected HttpResponse<String> launch(String token, String gameId) {
        return post("/games/" + gameId + "/launch", "{\"mode\":\"real\"}", token, "Idempotency-Key", java.util.UUID.randomUUID().toString());
    }

    /** The operator API's health of provider {@code id} (breaker state, time-outs, calls). */
    protected JsonNode health(String id) {
        return json(get("/operator/providers/" + id + "/health", operatorToken()).body());
    }

    /** A Northstar-style provider (id prefix {@code prefix}) with these settings, its catalogue synced once. */
    protected String synced(String prefix, String settings) {
        String id = newId(prefix);
        registerNorthstar(id, "/" + id, settings);
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        return id;
    }

    protected WireMockServer northstar() {
        return studios.server(SimulatedStudios.NORTHSTAR);
    }

    protected WireMockServer redfox() {
        return studios.server(SimulatedStudios.REDFOX);
    }

    protected static int count(WireMockServer s, RequestPatternBuilder pattern) {
        return s.countRequestsMatching(pattern.build()).getCount();
    }

    /** The Prometheus scrape. */
    protected String prometheus() {
        HttpResponse<String> r = get("/actuator/prometheus", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The value of the first Prometheus sample line starting with {@code prefix} (name and sorted labels), or null. */
    protected static Double sample(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) continue;
            boolean all = true;
            for (String l : labels) all &= line.contains(l);
            if (all) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return null;
    }
}
