package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hub.app.HubIntegrationTest;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lobby handshake accepts only a fresh, unused wsToken of an active player: a wrong, reused, expired or missing
 * token is refused with HTTP 401, an operator's or a blocked player's with 403, before any WebSocket is opened.
 */
class LobbyTokenTest extends HubIntegrationTest {

    /** The HTTP status of a refused handshake for {@code /ws/lobby<query>}; fails if the socket opened. */
    private int refusedStatus(String query) {
        Throwable t = catchThrowable(() -> http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/lobby" + query), new WebSocket.Listener() {
                }).get(15, TimeUnit.SECONDS).abort());
        assertThat(t).as("handshake for %s must be refused", query).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) t.getCause()).getResponse().statusCode();
    }

    @Test
    void wrongTokenIsRefusedWith401() {
        assertThat(refusedStatus("?token=not-a-token")).isEqualTo(401);
        // a well-formed token that was never issued
        assertThat(refusedStatus("?token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]))).isEqualTo(401);
        assertThat(refusedStatus("?token=" + "x".repeat(5000))).isEqualTo(401);
    }

    @Test
    void missingTokenIsRefusedWith401() {
        assertThat(refusedStatus("")).isEqualTo(401);
        assertThat(refusedStatus("?token=")).isEqualTo(401);
        assertThat(refusedStatus("?other=1")).isEqualTo(401);
    }

    @Test
    void accessTokenIsNotAWsToken() {
        TestPlayer p = newPlayer("EUR", "0");
        assertThat(refusedStatus("?token=" + login(p.username(), p.password()).accessToken())).isEqualTo(401);
    }

    @Test
    void reusedTokenIsRefusedWith401AndTheFirstSocketStaysOpen() throws Exception {
        TestPlayer p = newPlayer("EUR", "5.00");
        Tokens t = login(p.username(), p.password());
        try (Lobby first = openLobby(t.wsToken())) {
            assertThat(refusedStatus("?token=" + t.wsToken())).isEqualTo(401);
            assertThat(first.balance().get("balance").asText()).isEqualTo("5.00");
        }
        // still refused once the first socket is gone
        assertThat(refusedStatus("?token=" + t.wsToken())).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ws_token WHERE user_id = ? AND used_at IS NOT NULL", Long.class, p.id()))
                .isEqualTo(1);
    }

    @Test
    void expiredTokenIsRefusedWith401() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = "expired-" + UUID.randomUUID();
        jdbc.update("INSERT INTO ws_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)), p.id(),
                Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(refusedStatus("?token=" + token)).isEqualTo(401);
        // the refused attempt did not consume it either: it is simply expired
        assertThat(jdbc.queryForObject("SELECT used_at IS NULL FROM ws_token WHERE user_id = ?", Boolean.class, p.id())).isTrue();

        // the same row with a future expiry opens: the refusal above was for the expiry alone
        String fresh = "fresh-" + UUID.randomUUID();
        jdbc.update("INSERT INTO ws_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                MessageDigest.getInstance("SHA-256").digest(fresh.getBytes(StandardCharsets.UTF_8)), p.id(),
                Timestamp.from(Instant.now().plusSeconds(30)));
        try (Lobby lobby = openLobby(fresh)) {
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("0.00");
        }
    }

    @Test
    void issuedTokenExpiresAfterTheConfiguredTtl() {
        TestPlayer p = newPlayer("EUR", "0");
        Instant before = Instant.now();
        login(p.username(), p.password());
        Timestamp expires = jdbc.queryForObject("SELECT expires_at FROM ws_token WHERE user_id = ?", Timestamp.class, p.id());
        // hub.auth.ws-token-ttl = 30s
        assertThat(Duration.between(before, expires.toInstant()).toMillis()).isBetween(29_000L, 31_000L + 10_000L);
    }

    @Test
    void operatorTokenIsRefusedWith403() {
        Tokens op = login("operator", "operator");
        assertThat(refusedStatus("?token=" + op.wsToken())).isEqualTo(403);
    }

    @Test
    void blockedPlayerIsRefusedWith403() {
        TestPlayer p = newPlayer("EUR", "0");
        Tokens t = login(p.username(), p.password());
        jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE id = ?", p.id());
        assertThat(refusedStatus("?token=" + t.wsToken())).isEqualTo(403);
    }

    @Test
    void freshTokenFromTheAccessTokenReopensTheLobby() throws Exception {
        TestPlayer p = newPlayer("EUR", "2.00");
        Tokens t = login(p.username(), p.password());
        try (Lobby first = openLobby(t.wsToken())) {
            assertThat(first.balance().get("balance").asText()).isEqualTo("2.00");
        }
        var r = post("/auth/ws-token", "", t.accessToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String again = json(r.body()).get("wsToken").asText();
        assertThat(again).isNotEqualTo(t.wsToken());
        try (Lobby second = openLobby(again)) {
            assertThat(second.balance().get("balance").asText()).isEqualTo("2.00");
        }
        assertThat(post("/auth/ws-token", "", null).statusCode()).isEqualTo(401);
    }
}
