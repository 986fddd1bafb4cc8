package io.hub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Blocking calls to the hub's HTTP API (set-up and scrape only; spins go over the WebSocket). */
final class HubClient {

    record Login(String accessToken, String wsToken) {
    }

    record Game(String gameId, String provider, String type, String minBet, String maxBet) {
    }

    /** A non-2xx answer. */
    static final class HttpStatusException extends IOException {
        final int status;

        HttpStatusException(String what, int status, String body) {
            super(what + " -> HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body, 300)));
            this.status = status;
        }
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final HttpClient http;
    private final ObjectMapper json;

    HubClient(URI baseUrl, HttpClient http, ObjectMapper json) {
        BenchConfig.requireLoopback(baseUrl);
        this.baseUrl = baseUrl;
        this.http = http;
        this.json = json;
    }

    Login login(String username, String password) throws IOException, InterruptedException {
        JsonNode body = send("login " + username, post("/auth/login", null,
                json.writeValueAsString(Map.of("username", username, "password", password))));
        return new Login(text(body, "accessToken"), body.path("wsToken").asText(null));
    }

    /** Returns the new player's id; throws {@link HttpStatusException} with status 409 if the username exists. */
    String createPlayer(String operatorToken, String username, String password, String currency)
            throws IOException, InterruptedException {
        // operator POSTs carry an Idempotency-Key (the hub's filter answers 400 without one); one key per username
        HttpRequest request = requestBuilder("/operator/players", operatorToken)
                .header("Idempotency-Key", "bench-player-" + username)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("username", username, "password", password, "currency", currency))))
                .build();
        JsonNode body = send("create player " + username, request);
        return text(body, "playerId");
    }

    void credit(String operatorToken, String playerId, String amount, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest request = requestBuilder("/operator/players/" + playerId + "/adjustments", operatorToken)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("direction", "CREDIT", "amount", amount, "reason", "bench funding"))))
                .build();
        send("credit " + playerId, request);
    }

    java.util.List<Game> games(String playerToken) throws IOException, InterruptedException {
        JsonNode body = send("games list", requestBuilder("/games/list", playerToken).GET().build());
        java.util.List<Game> games = new java.util.ArrayList<>();
        for (JsonNode g : body) {
            games.add(new Game(g.path("gameId").asText(), g.path("provider").asText(null), g.path("type").asText(null),
                    g.path("minBet").asText(null), g.path("maxBet").asText(null)));
        }
        return games;
    }

    /** The Prometheus text; tries without a token first, then with {@code bearerToken} (if not null) on 401/403. */
    String prometheus(String bearerToken) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(prometheusRequest(null), HttpResponse.BodyHandlers.ofString());
        if ((r.statusCode() == 401 || r.statusCode() == 403) && bearerToken != null) {
            r = http.send(prometheusRequest(bearerToken), HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() / 100 != 2) {
            throw new HttpStatusException("GET /actuator/prometheus", r.statusCode(), r.body());
        }
        return r.body();
    }

    /** The scrape must not ask for JSON: the endpoint serves only the Prometheus / OpenMetrics text formats. */
    private HttpRequest prometheusRequest(String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/plain;version=0.0.4;q=1.0, */*;q=0.1")
                .GET();
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        return b.build();
    }

    URI lobbyUri(String wsToken) {
        String scheme = baseUrl.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        String authority = baseUrl.getRawAuthority();
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return URI.create(scheme + "://" + authority + path + "/ws/lobby?token="
                + URLEncoder.encode(wsToken, StandardCharsets.UTF_8));
    }

    /**
     * The player id in a JWT (claim {@code playerId}, else {@code sub}) if it looks like a UUID; null otherwise.
     * Used only when a player already existed (HTTP 409) and so the create call did not return the id.
     */
    String playerIdFromJwt(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            if (parts.length < 2) {
                return null;
            }
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (String claim : new String[] {"playerId", "player_id", "sub"}) {
                String v = claims.path(claim).asText("");
                if (UUID.matcher(v).matches()) {
                    return v;
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private HttpRequest post(String path, String bearerToken, String body) {
        return requestBuilder(path, bearerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder requestBuilder(String path, String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        return b;
    }

    private JsonNode send(String what, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new HttpStatusException(what, r.statusCode(), r.body());
        }
        String body = r.body();
        return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    }

    private static String text(JsonNode body, String field) throws IOException {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IOException("response has no '" + field + "': " + abbreviate(body.toString(), 300));
        }
        return v.asText();
    }

    static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}
