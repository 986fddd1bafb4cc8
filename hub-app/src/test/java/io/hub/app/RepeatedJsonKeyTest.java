package io.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the fresh-eyes review: a repeated key in a JSON body was read "last one wins", so
 * {@code {"amount":"1.00","amount":"2.00"}} credited 2.00 and a lobby frame with two requestIds spun under the second.
 * A body that means different things to different readers is refused, on REST and on the lobby.
 */
class RepeatedJsonKeyTest extends HubIntegrationTest {

    @Test
    void aRepeatedAmountKeyIsRefusedAndMovesNoMoney() {
        TestPlayer p = newPlayer("EUR", "5.00");
        HttpResponse<String> r = post("/operator/players/" + p.id() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"1.00\",\"amount\":\"2.00\",\"reason\":\"dup\"}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("INVALID_MESSAGE");
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("balance").asText()).isEqualTo("5.00");
        // the same body without the repeat is accepted
        HttpResponse<String> ok = post("/operator/players/" + p.id() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"1.00\",\"reason\":\"dup\"}", operatorToken());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void aLobbyFrameWithARepeatedKeyIsAnInvalidMessageAndSpinsNothing() throws Exception {
        TestPlayer p = newPlayer("EUR", "5.00");
        try (Lobby lobby = openLobby(login(p.username(), p.password()).wsToken())) {
            lobby.send("{\"action\":\"spin\",\"gameId\":\"atkins-diet\",\"bet\":\"0.20\",\"requestId\":\"dup-1\",\"requestId\":\"dup-2\"}");
            JsonNode err = lobby.next(f -> "error".equals(f.path("type").asText()) || "spinResult".equals(f.path("type").asText()),
                    Duration.ofSeconds(10));
            assertThat(err).isNotNull();
            assertThat(err.get("type").asText()).isEqualTo("error");
            assertThat(err.get("code").asText()).isEqualTo("INVALID_MESSAGE");
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("5.00");
        }
        assertLedgerBalanced();
    }
}
