package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import io.hub.app.TightRateLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-player spin rate limit ({@code hub.rate-limits.spins-per-player-per-second=3}): a burst of spins gets
 * RATE_LIMITED errors for the excess, each echoing its requestId; a limited spin changes nothing, and the player
 * may spin again once the period has passed.
 */
@TightRateLimits
class LobbySpinRateLimitTest extends HubIntegrationTest {

    @Test
    void burstOfSpinsIsRateLimitedAndTheLimitedOnesChangeNothing() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        try (Lobby lobby = openLobby(login(p.username(), p.password()).wsToken())) {
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, p.id());
            for (int i = 0; i < 10; i++) {
                lobby.send("{\"action\":\"spin\",\"gameId\":\"red-white-blue\",\"bet\":\"1.00\",\"requestId\":\"burst-" + i + "\"}");
            }
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) answers.add(lobby.reply("burst-" + i));

            List<JsonNode> spun = answers.stream().filter(a -> "spinResult".equals(a.get("type").asText())).toList();
            List<JsonNode> limited = answers.stream().filter(a -> "error".equals(a.get("type").asText())).toList();
            assertThat(spun.size() + limited.size()).isEqualTo(10);
            assertThat(limited).as("answers: %s", answers).isNotEmpty();
            assertThat(limited).allSatisfy(a -> assertThat(a.get("code").asText()).isEqualTo("RATE_LIMITED"));
            assertThat(spun).hasSizeGreaterThanOrEqualTo(1);

            // only the spins that were answered with a result moved money: two ledger transactions and one round each
            LedgerSnapshot after = LedgerSnapshot.of(jdbc, p.id());
            assertThat(after.transactions() - before.transactions()).isEqualTo(2L * spun.size());
            assertThat(after.rounds() - before.rounds()).isEqualTo(spun.size());
            assertThat(after.heldMinor()).isZero();
            BigDecimal expected = new BigDecimal("50.00");
            for (JsonNode s : spun) expected = expected.subtract(new BigDecimal("1.00")).add(new BigDecimal(s.get("payout").asText()));
            assertThat(BigDecimal.valueOf(after.cashMinor(), 2)).isEqualByComparingTo(expected);
            for (JsonNode l : limited) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round WHERE player_id = ? AND request_id = ?", Long.class,
                        p.id(), l.get("requestId").asText())).isZero();
            }

            // the limit is per period: a limited requestId spins once the period has passed
            String retry = limited.get(0).get("requestId").asText();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).untilAsserted(() ->
                    assertThat(lobby.spin("red-white-blue", "1.00", retry).get("type").asText()).isEqualTo("spinResult"));
        }
        assertLedgerBalanced();
    }
}
