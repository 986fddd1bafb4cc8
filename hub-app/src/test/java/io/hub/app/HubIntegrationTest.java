package io.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.ledger.LedgerCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the integration tests: the whole hub on a random port, on the embedded PostgreSQL and Kafka (started
 * once per test JVM), driven from outside over HTTP, the lobby WebSocket and a real Kafka consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected LedgerCheck ledgerCheck;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafkaBootstrap;

    protected String base() {
        return "http://localhost:" + port;
    }

    protected static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /**
     * POSTs JSON. A path under the hub's Idempotency-Key semantics ({@code /operator/**}, {@code /payments/**}) gets a fresh
     * {@code Idempotency-Key} unless the caller passes one; {@link #postWithoutIdempotencyKey} sends none.
     */
    protected HttpResponse<String> post(String path, String body, String bearer, String... headers) {
        boolean hasKey = false;
        for (int i = 0; i < headers.length; i += 2) hasKey |= headers[i].equalsIgnoreCase("Idempotency-Key");
        if (!hasKey && (path.startsWith("/operator/") || path.startsWith("/payments/"))) {
            String[] more = java.util.Arrays.copyOf(headers, headers.length + 2);
            more[headers.length] = "Idempotency-Key";
            more[headers.length + 1] = "test-" + UUID.randomUUID();
            headers = more;
        }
        return postWithoutIdempotencyKey(path, body, bearer, headers);
    }

    protected HttpResponse<String> postWithoutIdempotencyKey(String path, String body, String bearer, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    protected HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Tokens of a login: [accessToken, wsToken]. */
    protected record Tokens(String accessToken, String wsToken) {
    }

    protected Tokens login(String username, String password) {
        HttpResponse<String> r = post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        assertThat(r.statusCode()).as("login %s: %s", username, r.body()).isEqualTo(200);
        JsonNode j = json(r.body());
        return new Tokens(j.get("accessToken").asText(), j.get("wsToken").asText());
    }

    /**
     * An operator access token, cached per running hub (port) for 5 minutes: logging in for every call would run
     * into the per-user login rate limit ({@code hub.rate-limits.login-per-user-per-minute}).
     */
    protected String operatorToken() {
        CachedToken c = OPERATOR_TOKENS.get(port);
        if (c == null || c.until() < System.currentTimeMillis()) {
            c = new CachedToken(login("operator", "operator").accessToken(), System.currentTimeMillis() + 5 * 60_000);
            OPERATOR_TOKENS.put(port, c);
        }
        return c.token();
    }

    private record CachedToken(String token, long until) {
    }

    private static final Map<Integer, CachedToken> OPERATOR_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A player created through the operator API. */
    protected record TestPlayer(UUID id, String username, String password) {
    }

    /** Creates a player in {@code currency} and credits {@code credit} (a decimal string; "0" for none). */
    protected TestPlayer newPlayer(String currency, String credit) {
        String op = operatorToken();
        String username = "p-" + UUID.randomUUID().toString().substring(0, 12);
        HttpResponse<String> r = post("/operator/players",
                "{\"username\":\"" + username + "\",\"password\":\"pw-" + username + "\",\"currency\":\"" + currency + "\"}", op);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(r.body()).get("playerId").asText());
        if (!credit.equals("0")) {
            HttpResponse<String> c = post("/operator/players/" + id + "/adjustments",
                    "{\"direction\":\"CREDIT\",\"amount\":\"" + credit + "\",\"reason\":\"test funding\"}", op,
                    "Idempotency-Key", "fund-" + id);
            assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        }
        return new TestPlayer(id, username, "pw-" + username);
    }

    protected void assertLedgerBalanced() {
        LedgerCheck.Report report = ledgerCheck.run();
        assertThat(report.problems()).isEmpty();
        assertThat(report.balanced()).isTrue();
    }

    /** A lobby WebSocket client that queues every text frame it receives. */
    protected static final class Lobby implements WebSocket.Listener, AutoCloseable {
        public final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        public volatile int closeCode = -1;
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closeCode = code;
            return null;
        }

        public void send(String text) {
            try {
                ws.sendText(text, true).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** The next frame with this requestId (frames before it are dropped), or fails after 15 s. */
        public JsonNode reply(String requestId) {
            long end = System.currentTimeMillis() + 15_000;
            try {
                while (System.currentTimeMillis() < end) {
                    String f = frames.poll(end - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                    if (f == null) break;
                    JsonNode j = json(f);
                    if (requestId.equals(j.path("requestId").asText(null))) return j;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no reply for " + requestId);
        }

        /** The next frame matching the predicate within the timeout, or null. */
        public JsonNode next(Predicate<JsonNode> match, Duration timeout) {
            long end = System.currentTimeMillis() + timeout.toMillis();
            try {
                while (System.currentTimeMillis() < end) {
                    String f = frames.poll(end - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                    if (f == null) return null;
                    JsonNode j = json(f);
                    if (match.test(j)) return j;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        public JsonNode spin(String gameId, String bet, String requestId) {
            send("{\"action\":\"spin\",\"gameId\":\"" + gameId + "\",\"bet\":\"" + bet + "\",\"requestId\":\"" + requestId + "\"}");
            return reply(requestId);
        }

        public JsonNode balance() {
            String rid = "bal-" + UUID.randomUUID();
            send("{\"action\":\"balance\",\"requestId\":\"" + rid + "\"}");
            return reply(rid);
        }

        @Override
        public void close() {
            if (ws != null) ws.abort();
        }
    }

    /** Opens the lobby with a wsToken; throws if the handshake is refused. */
    protected Lobby openLobby(String wsToken) throws Exception {
        Lobby l = new Lobby();
        l.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/lobby?token=" + wsToken), l).get(15, TimeUnit.SECONDS);
        return l;
    }

    /** Reads the wallet topic from the beginning until {@code done} holds over the records read, or 30 s pass. */
    protected List<ConsumerRecord<String, String>> readWalletTopic(Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", kafkaBootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of("wallet.transactions"));
            long end = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < end && !done.test(out)) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
        }
        return out;
    }
}
