package io.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.app.player.UserDirectory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Regression tests for what an outside review of the running hub found: each is named after the behaviour that was
 * wrong (a blocked operator's token kept working, JSON numbers accepted as amounts, 500s on odd input, readiness
 * without the database, the embedded PostgreSQL without fsync, a second hub stopping the first one's database).
 */
class HardeningTest extends HubIntegrationTest {
    @Autowired
    UserDirectory users;

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBlockedOperatorsTokenIsRefusedAtOnceNotWhenItExpires() {
        String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
        users.createOperator(name, "pw-" + name);
        String token = login(name, "pw-" + name).accessToken();
        assertThat(get("/operator/ledger/check", token).statusCode()).isEqualTo(200);

        jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE username = ?", name);

        HttpResponse<String> refused = get("/operator/ledger/check", token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused.body()).get("error").asText()).isEqualTo("PLAYER_BLOCKED");
        TestPlayer p = newPlayer("EUR", "5.00");
        HttpResponse<String> credit = post("/operator/players/" + p.id() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"1.00\",\"reason\":\"blocked operator\"}", token, "Idempotency-Key", "blocked-" + name);
        assertThat(credit.statusCode()).isEqualTo(403);
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("balance").asText()).isEqualTo("5.00");
    }

    @Test
    void aBlockedPlayersTokenNoLongerReadsTheWalletOrGetsLobbyTokens() {
        TestPlayer p = newPlayer("EUR", "5.00");
        String token = login(p.username(), p.password()).accessToken();
        jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE id = ?", p.id());
        assertThat(get("/wallet/balance", token).statusCode()).isEqualTo(403);
        assertThat(post("/auth/ws-token", "", token).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdjustmentAmountSentAsAJsonNumberIsRefused() {
        TestPlayer p = newPlayer("EUR", "5.00");
        for (String amount : new String[] {"1.5", "100", "0.1"}) {
            HttpResponse<String> r = post("/operator/players/" + p.id() + "/adjustments",
                    "{\"direction\":\"CREDIT\",\"amount\":" + amount + ",\"reason\":\"number\"}", operatorToken(),
                    "Idempotency-Key", "num-" + UUID.randomUUID());
            assertThat(r.statusCode()).as(amount).isEqualTo(400);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("INVALID_AMOUNT");
        }
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("balance").asText()).isEqualTo("5.00");
    }

    @Test
    void aLoginWithANulByteInTheUsernameIsAPlainRefusalNotA500() {
        HttpResponse<String> r = post("/auth/login", "{\"username\":\"demo\\u0000\",\"password\":\"demo\"}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aBadOrTakenSubjectIsA4xxWithTheRightReason() {
        String op = operatorToken();
        for (String subject : new String[] {"a\\u0000b", "", "has space", "x".repeat(256)}) {
            HttpResponse<String> r = post("/operator/players", "{\"username\":\"s-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"pw-12345\",\"currency\":\"EUR\",\"subject\":\"" + subject + "\"}", op);
            assertThat(r.statusCode()).as(subject).isEqualTo(400);
        }
        String subject = "ext-" + UUID.randomUUID();
        assertThat(post("/operator/players", "{\"username\":\"s1-" + subject.substring(4, 12) + "\",\"password\":\"pw-12345\","
                + "\"currency\":\"EUR\",\"subject\":\"" + subject + "\"}", op).statusCode()).isEqualTo(201);
        HttpResponse<String> taken = post("/operator/players", "{\"username\":\"s2-" + subject.substring(4, 12) + "\",\"password\":\"pw-12345\","
                + "\"currency\":\"EUR\",\"subject\":\"" + subject + "\"}", op);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken.body()).get("message").asText()).contains("subject");
    }

    @Test
    void aNonAsciiIdempotencyKeyIsA400JsonNotA500() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String body = "{\"direction\":\"CREDIT\",\"amount\":\"1.00\",\"reason\":\"x\"}";
        // java.net.http refuses such a header value, so the request is written on a plain socket, as raw UTF-8 bytes
        String request = "POST /operator/players/" + p.id() + "/adjustments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer " + operatorToken() + "\r\n"
                + "Idempotency-Key: \u043a\u043b\u044e\u0447-\u00e9\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        String response;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("\"error\":\"INVALID_MESSAGE\"");
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void aCreditThatWouldOverflowTheBalanceIsRefusedAsAnInvalidAmount() {
        TestPlayer p = newPlayer("EUR", "92233720368547758.07");
        HttpResponse<String> r = post("/operator/players/" + p.id() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"0.01\",\"reason\":\"overflow\"}", operatorToken(), "Idempotency-Key", "of-" + p.id());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("INVALID_AMOUNT");
        assertLedgerBalanced();
    }

    @Test
    void aDirectRequestForTheErrorPageIs401JsonNotA500() {
        HttpResponse<String> r = get("/error", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aClientThatAcceptsOnlyHtmlGets406JsonNotAWhitelabelPage() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/games/list"))
                .header("Authorization", "Bearer " + login("demo", "demo").accessToken()).header("Accept", "text/html").GET());
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void readinessDependsOnTheDatabase() {
        HttpResponse<String> r = get("/actuator/health/readiness", operatorToken());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("components").has("db")).as(r.body()).isTrue();
        assertThat(json(r.body()).path("components").has("readinessState")).isTrue();
    }

    @Test
    void theEmbeddedPostgresWritesItsCommitsToDisk() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void aSecondHubLeavesAPostgresThatALiveHubOwnsAlone() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "epg-owned");
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
        try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            assertThatThrownBy(() -> io.hub.app.embedded.EmbeddedTestAccess.stopOrphanedPostmaster(dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(dir.toString());
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
