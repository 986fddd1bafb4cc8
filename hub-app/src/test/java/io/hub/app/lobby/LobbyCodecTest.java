package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.web.HubJson;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyRejection;
import io.hub.contracts.lobby.LobbyReply;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LobbyCodec} alone, with the hub's own mapper: no Spring context, no socket. */
class LobbyCodecTest {
    private static final UUID PLAYER = UUID.fromString("0190a3b2-0000-7000-8000-000000000042");
    private static final String ADDRESS = "203.0.113.9";
    private final ObjectMapper json = new HubJson().hubObjectMapper();
    private final LobbyCodec codec = new LobbyCodec(json);

    private LobbyMessage decode(String text) {
        return codec.decode(new LobbyFrame(PLAYER, "ws-1", ADDRESS, text));
    }

    private void assertRejected(String text, RejectionCode code, String message, String requestId) {
        assertThatThrownBy(() -> decode(text)).isInstanceOfSatisfying(LobbyRejection.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.requestId()).isEqualTo(requestId);
        });
    }

    // ---------------------------------------------------------------- decode: accepted

    @Test
    void decodes_a_spin() {
        assertThat(decode("{\"action\":\"spin\",\"gameId\":\"red-white-blue\",\"bet\":\"1.50\",\"requestId\":\"r-1\"}"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, ADDRESS, "r-1", "red-white-blue", "1.50"));
    }

    @Test
    void decodes_a_spin_whatever_the_field_order_and_whitespace() {
        assertThat(decode(" {\n \"requestId\" : \"a.B_9:-\", \"bet\":\"0.20\" ,\"gameId\":\"atkins-diet\",\"action\":\"spin\"}\n"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, ADDRESS, "a.B_9:-", "atkins-diet", "0.20"));
    }

    @Test
    void keeps_the_bet_text_exactly_as_sent_for_later_validation() {
        assertThat(decode("{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":\"1.5000\",\"requestId\":\"r\"}"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, ADDRESS, "r", "g", "1.5000"));
    }

    @Test
    void accepts_the_seed_numeric_game_id_as_text() {
        assertThat(decode("{\"action\":\"spin\",\"gameId\":42,\"bet\":\"1.50\",\"requestId\":\"r-42\"}"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, ADDRESS, "r-42", "42", "1.50"));
        assertThat(decode("{\"action\":\"spin\",\"gameId\":123456789012345678901234,\"bet\":\"1.50\",\"requestId\":\"r\"}"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, ADDRESS, "r", "123456789012345678901234", "1.50"));
    }

    @Test
    void decodes_a_balance_request_with_and_without_request_id() {
        assertThat(decode("{\"action\":\"balance\",\"requestId\":\"r-2\"}")).isEqualTo(new LobbyMessage.Balance(PLAYER, "r-2"));
        assertThat(decode("{\"action\":\"balance\"}")).isEqualTo(new LobbyMessage.Balance(PLAYER, null));
        assertThat(decode("{\"action\":\"balance\",\"requestId\":null}")).isEqualTo(new LobbyMessage.Balance(PLAYER, null));
    }

    @Test
    void request_id_of_exactly_one_hundred_characters_is_accepted() {
        String id = "r".repeat(100);
        assertThat(decode("{\"action\":\"balance\",\"requestId\":\"" + id + "\"}")).isEqualTo(new LobbyMessage.Balance(PLAYER, id));
    }

    // ---------------------------------------------------------------- decode: INVALID_MESSAGE

    @ParameterizedTest
    @ValueSource(strings = {"{spin", "", "   ", "not json", "[]", "[{\"action\":\"balance\"}]", "\"balance\"", "42", "null",
            "{\"action\":\"balance\"} {}", "{\"action\":\"balance\"}x", "{\"action\":\"balance\",}"})
    void refuses_anything_but_one_json_object(String text) {
        assertRejected(text, RejectionCode.INVALID_MESSAGE, "not a JSON object", null);
    }

    @Test
    void refuses_json_nested_deeper_than_the_limit() {
        String deep = "{\"action\":\"balance\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertRejected(deep, RejectionCode.INVALID_MESSAGE, "not a JSON object", null);
    }

    @Test
    void refuses_a_number_longer_than_the_limit() {
        String longNumber = "1".repeat(101);
        assertRejected("{\"action\":\"balance\",\"x\":" + longNumber + "}", RejectionCode.INVALID_MESSAGE, "not a JSON object", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{}", "[\"r\"]", "\"\"", "\"has space\"", "\"r/1\"", "\"r\\u00e9\""})
    void refuses_a_request_id_that_is_not_1_to_100_safe_characters(String requestId) {
        assertRejected("{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":\"1.00\",\"requestId\":" + requestId + "}",
                RejectionCode.INVALID_MESSAGE, "requestId must be 1-100 characters of A-Z a-z 0-9 . _ : -", null);
    }

    @Test
    void refuses_a_request_id_of_101_characters() {
        assertRejected("{\"action\":\"balance\",\"requestId\":\"" + "r".repeat(101) + "\"}",
                RejectionCode.INVALID_MESSAGE, "requestId must be 1-100 characters of A-Z a-z 0-9 . _ : -", null);
    }

    // ---------------------------------------------------------------- decode: MISSING_FIELD / UNKNOWN_ACTION

    @Test
    void refuses_a_missing_action_with_the_request_id() {
        assertRejected("{\"requestId\":\"r-3\"}", RejectionCode.MISSING_FIELD, "action is required", "r-3");
        assertRejected("{\"action\":null,\"requestId\":\"r-3\"}", RejectionCode.MISSING_FIELD, "action is required", "r-3");
        assertRejected("{}", RejectionCode.MISSING_FIELD, "action is required", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fly\"", "\"SPIN\"", "\"\"", "\"spin \"", "7", "true", "{}", "[\"spin\"]"})
    void refuses_an_unknown_action_with_the_request_id(String action) {
        assertRejected("{\"action\":" + action + ",\"requestId\":\"b1\"}", RejectionCode.UNKNOWN_ACTION, "unknown action", "b1");
    }

    @Test
    void a_spin_needs_a_request_id() {
        assertRejected("{\"action\":\"spin\",\"gameId\":42,\"bet\":\"1.50\"}", RejectionCode.MISSING_FIELD,
                "requestId is required for a spin", null);
        assertRejected("{\"action\":\"spin\",\"gameId\":42,\"bet\":\"1.50\",\"requestId\":null}", RejectionCode.MISSING_FIELD,
                "requestId is required for a spin", null);
    }

    @Test
    void a_spin_needs_a_game_id() {
        assertRejected("{\"action\":\"spin\",\"bet\":\"1.50\",\"requestId\":\"r-4\"}", RejectionCode.MISSING_FIELD,
                "gameId is required", "r-4");
        assertRejected("{\"action\":\"spin\",\"gameId\":null,\"bet\":\"1.50\",\"requestId\":\"r-4\"}", RejectionCode.MISSING_FIELD,
                "gameId is required", "r-4");
    }

    @Test
    void a_spin_needs_a_bet() {
        assertRejected("{\"action\":\"spin\",\"gameId\":\"g\",\"requestId\":\"r-5\"}", RejectionCode.MISSING_FIELD,
                "bet is required", "r-5");
        assertRejected("{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":null,\"requestId\":\"r-5\"}", RejectionCode.MISSING_FIELD,
                "bet is required", "r-5");
    }

    @Test
    void empty_game_id_and_bet_are_missing_fields() {
        // RejectionCode.MISSING_FIELD: "A required field is missing or empty"
        assertRejected("{\"action\":\"spin\",\"gameId\":\"\",\"bet\":\"1.50\",\"requestId\":\"r-6\"}", RejectionCode.MISSING_FIELD,
                "gameId is required", "r-6");
        assertRejected("{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":\"\",\"requestId\":\"r-6\"}", RejectionCode.MISSING_FIELD,
                "bet is required", "r-6");
    }

    // ---------------------------------------------------------------- decode: UNKNOWN_GAME / INVALID_AMOUNT

    @ParameterizedTest
    @ValueSource(strings = {"true", "4.2", "1e2", "{}", "[42]", "\"no such game!\"", "\"g/../etc\"", "\"\\u00e9\""})
    void refuses_a_game_id_that_cannot_name_a_game(String gameId) {
        assertRejected("{\"action\":\"spin\",\"gameId\":" + gameId + ",\"bet\":\"1.50\",\"requestId\":\"r-7\"}",
                RejectionCode.UNKNOWN_GAME, "unknown game", "r-7");
    }

    @Test
    void refuses_a_game_id_of_101_characters() {
        assertRejected("{\"action\":\"spin\",\"gameId\":\"" + "g".repeat(101) + "\",\"bet\":\"1.50\",\"requestId\":\"r-7\"}",
                RejectionCode.UNKNOWN_GAME, "unknown game", "r-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1", "0", "-5", "1e400", "0.1", "true", "{\"a\":1}", "[\"1.50\"]"})
    void refuses_a_bet_that_is_not_a_json_string(String bet) {
        assertRejected("{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":" + bet + ",\"requestId\":\"r-8\"}",
                RejectionCode.INVALID_AMOUNT, "bet must be a decimal string such as \"1.50\"", "r-8");
    }

    // ---------------------------------------------------------------- encode

    @Test
    void encodes_a_spin_result() {
        LobbyReply.SpinResult r = new LobbyReply.SpinResult("r-1", "0190a3b2-1111-7000-8000-000000000001", "red-white-blue",
                List.of(List.of("BAR", "7"), List.of("BLANK", "7")), "1.50", "3.00", "102.50", "EUR", 7);

        assertThat(codec.encode(r)).isEqualTo("{\"type\":\"spinResult\",\"requestId\":\"r-1\","
                + "\"roundId\":\"0190a3b2-1111-7000-8000-000000000001\",\"gameId\":\"red-white-blue\","
                + "\"result\":[[\"BAR\",\"7\"],[\"BLANK\",\"7\"]],\"bet\":\"1.50\",\"payout\":\"3.00\",\"balance\":\"102.50\","
                + "\"currency\":\"EUR\",\"balanceVersion\":7}");
    }

    @Test
    void encodes_a_balance_answer_and_a_balance_push() {
        assertThat(codec.encode(new LobbyReply.Balance("r-2", "102.50", "EUR", 7)))
                .isEqualTo("{\"type\":\"balance\",\"requestId\":\"r-2\",\"balance\":\"102.50\",\"currency\":\"EUR\",\"balanceVersion\":7}");
        assertThat(codec.encode(new LobbyReply.Balance(null, "0", "JPY", 9_007_199_254_740_993L)))
                .isEqualTo("{\"type\":\"balance\",\"balance\":\"0\",\"currency\":\"JPY\",\"balanceVersion\":9007199254740993}");
    }

    @Test
    void encodes_an_error() {
        assertThat(codec.encode(new LobbyReply.Error("INSUFFICIENT_FUNDS", "insufficient funds", "r-3")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"insufficient funds\",\"requestId\":\"r-3\"}");
    }

    @Test
    void encodes_an_error_without_request_id_as_null_and_escapes_the_message() {
        assertThat(codec.encode(new LobbyReply.Error("INVALID_AMOUNT", "bet must be a decimal string such as \"1.50\"", null)))
                .isEqualTo("{\"type\":\"error\",\"code\":\"INVALID_AMOUNT\","
                        + "\"message\":\"bet must be a decimal string such as \\\"1.50\\\"\",\"requestId\":null}");
    }

    @ParameterizedTest
    @CsvSource({"'{\"action\":\"fly\",\"requestId\":\"b1\"}', UNKNOWN_ACTION, b1",
            "'{\"action\":\"spin\",\"gameId\":\"g\",\"bet\":1.5,\"requestId\":\"b2\"}', INVALID_AMOUNT, b2"})
    void a_rejection_encodes_to_an_error_frame_that_echoes_the_request_id(String frame, RejectionCode code, String requestId) {
        LobbyRejection e = org.junit.jupiter.api.Assertions.assertThrows(LobbyRejection.class, () -> decode(frame));

        String encoded = codec.encode(new LobbyReply.Error(e.code().name(), e.getMessage(), e.requestId()));

        assertThat(encoded).startsWith("{\"type\":\"error\",\"code\":\"" + code + "\",").endsWith(",\"requestId\":\"" + requestId + "\"}");
    }

    // ---------------------------------------------------------------- stored answers

    @Test
    void reads_back_a_stored_spin_result() throws Exception {
        LobbyReply.SpinResult r = new LobbyReply.SpinResult("r-1", "round-1", "red-white-blue",
                List.of(List.of("7")), "1.50", "0.00", "98.50", "EUR", 3);

        assertThat(codec.readSpinResult(json.writeValueAsString(r))).isEqualTo(r);
    }

    @Test
    void an_unreadable_stored_answer_is_a_programmer_error() {
        assertThatThrownBy(() -> codec.readSpinResult("{oops")).isInstanceOf(IllegalStateException.class)
                .hasMessage("stored spin result unreadable");
    }
}
