package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the lobby WebSocket: every malformed, invalid or refused frame gets an {@code error} frame with the
 * exact code (and the requestId when one could be read), changes nothing in the ledger, and leaves the socket
 * open. A frame over {@code hub.lobby.max-frame-bytes} closes only that socket (1009); the hub keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LobbyBadInputTest extends HubIntegrationTest {
    private static final String GAME = "red-white-blue";
    private TestPlayer player;
    private String accessToken;

    @BeforeAll
    void fundedPlayer() {
        player = newPlayer("EUR", "100.00");
        accessToken = login(player.username(), player.password()).accessToken();
    }

    /** A fresh single-use lobby token for the player (without logging in again). */
    private String wsToken(String bearer) {
        var r = post("/auth/ws-token", "", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body()).get("wsToken").asText();
    }

    private static String spin(String bet, String requestId) {
        return "{\"action\":\"spin\",\"gameId\":\"" + GAME + "\",\"bet\":" + bet + ",\"requestId\":\"" + requestId + "\"}";
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("malformed JSON", "{spin", "INVALID_MESSAGE", null),
                Arguments.of("empty frame", "", "INVALID_MESSAGE", null),
                Arguments.of("JSON array", "[{\"action\":\"balance\",\"requestId\":\"arr-1\"}]", "INVALID_MESSAGE", null),
                Arguments.of("JSON string", "\"spin\"", "INVALID_MESSAGE", null),
                Arguments.of("trailing garbage", "{\"action\":\"balance\",\"requestId\":\"tr-1\"} {}", "INVALID_MESSAGE", null),
                Arguments.of("nested deeper than 32", "{\"action\":\"balance\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
                        "INVALID_MESSAGE", null),
                Arguments.of("unknown action", "{\"action\":\"fly\",\"requestId\":\"bad-action\"}", "UNKNOWN_ACTION", "bad-action"),
                Arguments.of("action not a string", "{\"action\":7,\"requestId\":\"bad-action-7\"}", "UNKNOWN_ACTION", "bad-action-7"),
                Arguments.of("missing action", "{\"gameId\":\"" + GAME + "\",\"bet\":\"1.00\",\"requestId\":\"no-action\"}",
                        "MISSING_FIELD", "no-action"),
                Arguments.of("unknown game", "{\"action\":\"spin\",\"gameId\":\"no-such-game\",\"bet\":\"1.00\",\"requestId\":\"bad-game\"}",
                        "UNKNOWN_GAME", "bad-game"),
                Arguments.of("numeric unknown game", "{\"action\":\"spin\",\"gameId\":12345,\"bet\":\"1.00\",\"requestId\":\"bad-game-n\"}",
                        "UNKNOWN_GAME", "bad-game-n"),
                Arguments.of("missing gameId", "{\"action\":\"spin\",\"bet\":\"1.00\",\"requestId\":\"no-game\"}", "MISSING_FIELD", "no-game"),
                Arguments.of("missing bet", "{\"action\":\"spin\",\"gameId\":\"" + GAME + "\",\"requestId\":\"no-bet\"}", "MISSING_FIELD", "no-bet"),
                Arguments.of("bet 0", spin("\"0\"", "bet-zero"), "INVALID_AMOUNT", "bet-zero"),
                Arguments.of("bet 0.00", spin("\"0.00\"", "bet-zero-2"), "INVALID_AMOUNT", "bet-zero-2"),
                Arguments.of("negative bet", spin("\"-5.00\"", "bet-negative"), "INVALID_AMOUNT", "bet-negative"),
                Arguments.of("bet above the limit", spin("\"100.01\"", "bet-above"), "BET_ABOVE_LIMIT", "bet-above"),
                Arguments.of("bet far above the balance", spin("\"99999999.00\"", "bet-huge"), "BET_ABOVE_LIMIT", "bet-huge"),
                Arguments.of("bet below the minimum", spin("\"0.19\"", "bet-below"), "BET_BELOW_MINIMUM", "bet-below"),
                Arguments.of("too many decimals", spin("\"1.001\"", "bet-decimals"), "INVALID_AMOUNT", "bet-decimals"),
                Arguments.of("trailing zero decimals", spin("\"1.000\"", "bet-decimals-0"), "INVALID_AMOUNT", "bet-decimals-0"),
                Arguments.of("exponent in a string", spin("\"1e2\"", "bet-exp"), "INVALID_AMOUNT", "bet-exp"),
                Arguments.of("plus sign", spin("\"+1.00\"", "bet-plus"), "INVALID_AMOUNT", "bet-plus"),
                Arguments.of("spaces", spin("\" 1.00\"", "bet-space"), "INVALID_AMOUNT", "bet-space"),
                Arguments.of("beyond a long of minor units", spin("\"99999999999999999999.00\"", "bet-range"), "INVALID_AMOUNT", "bet-range"),
                Arguments.of("JSON number 1e400", spin("1e400", "bet-num-huge"), "INVALID_AMOUNT", "bet-num-huge"),
                Arguments.of("JSON number 1.5", spin("1.5", "bet-num"), "INVALID_AMOUNT", "bet-num"),
                Arguments.of("JSON integer 1", spin("1", "bet-int"), "INVALID_AMOUNT", "bet-int"),
                Arguments.of("object where the bet goes", spin("{\"a\":1}", "bet-object"), "INVALID_AMOUNT", "bet-object"),
                Arguments.of("array where the bet goes", spin("[\"1.00\"]", "bet-array"), "INVALID_AMOUNT", "bet-array"),
                Arguments.of("missing requestId on a spin", "{\"action\":\"spin\",\"gameId\":\"" + GAME + "\",\"bet\":\"1.00\"}",
                        "MISSING_FIELD", null),
                Arguments.of("requestId too long", spin("\"1.00\"", "r".repeat(101)), "INVALID_MESSAGE", null),
                Arguments.of("requestId with illegal characters", spin("\"1.00\"", "bad id/\\u00e9"), "INVALID_MESSAGE", null),
                Arguments.of("requestId not a string",
                        "{\"action\":\"spin\",\"gameId\":\"" + GAME + "\",\"bet\":\"1.00\",\"requestId\":42}", "INVALID_MESSAGE", null),
                Arguments.of("empty requestId", spin("\"1.00\"", ""), "INVALID_MESSAGE", null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badFrames")
    void badFrameGetsItsErrorCodeChangesNothingAndKeepsTheSocketOpen(String name, String frame, String code, String requestId)
            throws Exception {
        try (Lobby lobby = openLobby(wsToken(accessToken))) {
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, player.id());
            lobby.send(frame);
            JsonNode error = lobby.next(f -> "error".equals(f.path("type").asText()), Duration.ofSeconds(15));
            assertThat(error).as("error frame for %s", name).isNotNull();
            assertThat(error.get("code").asText()).as(error.toString()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
            if (requestId == null) {
                assertThat(error.has("requestId") && !error.get("requestId").isNull()).as(error.toString()).isFalse();
            } else {
                assertThat(error.get("requestId").asText()).isEqualTo(requestId);
            }
            // the socket is still open and answers
            JsonNode balance = lobby.balance();
            assertThat(balance.get("type").asText()).isEqualTo("balance");
            assertThat(balance.get("balance").asText()).isEqualTo("100.00");
            assertThat(lobby.closeCode).isEqualTo(-1);
            assertThat(LedgerSnapshot.of(jdbc, player.id())).isEqualTo(before);
        }
    }

    @Test
    void betAboveTheBalanceIsRefusedAsInsufficientFundsAndChangesNothing() throws Exception {
        TestPlayer poor = newPlayer("EUR", "0.50");
        try (Lobby lobby = openLobby(login(poor.username(), poor.password()).wsToken())) {
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, poor.id());
            JsonNode error = lobby.spin(GAME, "1.00", "poor-1");
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).as(error.toString()).isEqualTo("INSUFFICIENT_FUNDS");
            assertThat(error.get("requestId").asText()).isEqualTo("poor-1");
            assertThat(LedgerSnapshot.of(jdbc, poor.id())).isEqualTo(before);
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("0.50");

            // the refused requestId left nothing behind: nothing stored under it
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ? AND external_id LIKE '%poor-1'",
                    Long.class, poor.id())).isZero();
            // and the player can still play within the balance
            JsonNode ok = lobby.spin(GAME, "0.50", "poor-2");
            assertThat(ok.get("type").asText()).as(ok.toString()).isEqualTo("spinResult");
            assertThat(ok.get("balance").asText()).isEqualTo(ok.get("payout").asText());
        }
        assertLedgerBalanced();
    }

    @Test
    void gameWithoutLimitsInThePlayersCurrencyIsACurrencyMismatch() throws Exception {
        TestPlayer yen = newPlayer("JPY", "500");
        try (Lobby lobby = openLobby(login(yen.username(), yen.password()).wsToken())) {
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, yen.id());
            JsonNode error = lobby.spin(GAME, "100", "yen-1");
            assertThat(error.get("code").asText()).as(error.toString()).isEqualTo("CURRENCY_MISMATCH");
            assertThat(error.get("requestId").asText()).isEqualTo("yen-1");
            // JPY has no minor unit: "1.00" has too many decimals
            assertThat(lobby.spin(GAME, "1.00", "yen-2").get("code").asText()).isEqualTo("INVALID_AMOUNT");
            assertThat(LedgerSnapshot.of(jdbc, yen.id())).isEqualTo(before);
            JsonNode balance = lobby.balance();
            assertThat(balance.get("balance").asText()).isEqualTo("500");
            assertThat(balance.get("currency").asText()).isEqualTo("JPY");
        }
    }

    @Test
    void frameJustUnderTheLimitIsReadNormally() throws Exception {
        try (Lobby lobby = openLobby(wsToken(accessToken))) {
            String frame = "{\"action\":\"balance\",\"requestId\":\"padded\",\"pad\":\"" + "p".repeat(16_000) + "\"}";
            assertThat(frame.length()).isLessThan(16_384);
            lobby.send(frame);
            JsonNode balance = lobby.reply("padded");
            assertThat(balance.get("type").asText()).isEqualTo("balance");
            assertThat(balance.get("balance").asText()).isEqualTo("100.00");
        }
    }

    @Test
    void oneMegabyteFrameClosesThatSocketWith1009AndTheHubKeepsServing() throws Exception {
        LedgerSnapshot before = LedgerSnapshot.of(jdbc, player.id());
        Lobby big = openLobby(wsToken(accessToken));
        try (big) {
            String frame = "{\"action\":\"spin\",\"gameId\":\"" + GAME + "\",\"bet\":\"" + "9".repeat(1_000_000) + "\",\"requestId\":\"big\"}";
            try {
                big.send(frame);
            } catch (AssertionError e) {
                // the server may close the connection before the whole frame is written
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(big.closeCode).isEqualTo(1009));
            assertThat(big.frames).noneMatch(f -> f.contains("spinResult"));
        }

        // the hub is up: health, a new login, a new lobby that answers and spins
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        Tokens again = login(player.username(), player.password());
        try (Lobby lobby = openLobby(again.wsToken())) {
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("100.00");
            assertThat(LedgerSnapshot.of(jdbc, player.id())).isEqualTo(before);
            JsonNode spin = lobby.spin(GAME, "1.00", "after-big");
            assertThat(spin.get("type").asText()).as(spin.toString()).isEqualTo("spinResult");
            // undo for the other cases, which expect 100.00
            restoreBalance(spin);
        }
        assertLedgerBalanced();
    }

    /** Brings the player back to 100.00 after a spin (an operator adjustment), so each case starts alike. */
    private void restoreBalance(JsonNode spinResult) {
        var diff = new java.math.BigDecimal("100.00").subtract(new java.math.BigDecimal(spinResult.get("balance").asText()));
        if (diff.signum() == 0) return;
        var r = post("/operator/players/" + player.id() + "/adjustments",
                "{\"direction\":\"" + (diff.signum() > 0 ? "CREDIT" : "DEBIT") + "\",\"amount\":\"" + diff.abs().toPlainString()
                        + "\",\"reason\":\"test reset\"}", operatorToken(), "Idempotency-Key", "reset-" + spinResult.get("roundId").asText());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
