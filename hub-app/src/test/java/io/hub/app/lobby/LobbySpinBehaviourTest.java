package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How spins behave on the lobby: a retried requestId never spins twice, a reused one with another bet is a
 * conflict, answers carry an increasing balanceVersion, every balance change reaches an open lobby as a push,
 * each round is stored exactly as answered, and the second in-house game plays with its own bet step.
 */
class LobbySpinBehaviourTest extends HubIntegrationTest {
    private static final String RWB = "red-white-blue";
    private static final String ATKINS = "atkins-diet";

    private Lobby lobbyOf(TestPlayer p) throws Exception {
        return openLobby(login(p.username(), p.password()).wsToken());
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asText());
    }

    private long roundsOf(UUID player, String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM game_round WHERE player_id = ? AND request_id = ?", Long.class, player, requestId);
    }

    @Test
    void retriedRequestIdReturnsTheOriginalAnswerAndSpinsOnce() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        try (Lobby lobby = lobbyOf(p)) {
            JsonNode first = lobby.spin(RWB, "1.00", "retry-1");
            assertThat(first.get("type").asText()).as(first.toString()).isEqualTo("spinResult");
            LedgerSnapshot afterFirst = LedgerSnapshot.of(jdbc, p.id());

            JsonNode second = lobby.spin(RWB, "1.00", "retry-1");
            JsonNode third = lobby.spin(RWB, "1.00", "retry-1");
            assertThat(second).isEqualTo(first);
            assertThat(third).isEqualTo(first);
            assertThat(LedgerSnapshot.of(jdbc, p.id())).isEqualTo(afterFirst);

            BigDecimal expected = new BigDecimal("49.00").add(dec(first, "payout"));
            assertThat(dec(first, "balance")).isEqualByComparingTo(expected);
            assertThat(dec(lobby.balance(), "balance")).isEqualByComparingTo(expected);
            assertThat(roundsOf(p.id(), "retry-1")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ? AND source = 'lobby'",
                    Long.class, p.id())).isEqualTo(2);

            // a retry on a new connection (after a reconnect) gets the same answer too
            try (Lobby again = lobbyOf(p)) {
                assertThat(again.spin(RWB, "1.00", "retry-1")).isEqualTo(first);
            }
            assertThat(LedgerSnapshot.of(jdbc, p.id())).isEqualTo(afterFirst);
        }
        assertLedgerBalanced();
    }

    @Test
    void sameRequestIdWithAnotherBetOrGameIsAnIdempotencyConflictAndChangesNothing() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        try (Lobby lobby = lobbyOf(p)) {
            JsonNode original = lobby.spin(RWB, "1.00", "conflict-1");
            assertThat(original.get("type").asText()).as(original.toString()).isEqualTo("spinResult");
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, p.id());

            JsonNode otherBet = lobby.spin(RWB, "2.00", "conflict-1");
            assertThat(otherBet.get("type").asText()).isEqualTo("error");
            assertThat(otherBet.get("code").asText()).as(otherBet.toString()).isEqualTo("IDEMPOTENCY_CONFLICT");
            assertThat(otherBet.get("requestId").asText()).isEqualTo("conflict-1");

            JsonNode otherGame = lobby.spin(ATKINS, "1.00", "conflict-1");
            assertThat(otherGame.get("code").asText()).as(otherGame.toString()).isEqualTo("IDEMPOTENCY_CONFLICT");
            assertThat(otherGame.get("requestId").asText()).isEqualTo("conflict-1");

            assertThat(LedgerSnapshot.of(jdbc, p.id())).isEqualTo(before);
            assertThat(roundsOf(p.id(), "conflict-1")).isEqualTo(1);
            // the original request is still answered as before
            assertThat(lobby.spin(RWB, "1.00", "conflict-1")).isEqualTo(original);
        }
    }

    @Test
    void spinAnswersCarryAnIncreasingBalanceVersion() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        try (Lobby lobby = lobbyOf(p)) {
            long last = lobby.balance().get("balanceVersion").asLong();
            BigDecimal balance = new BigDecimal("50.00");
            for (int i = 0; i < 8; i++) {
                JsonNode r = lobby.spin(RWB, "0.50", "ver-" + i);
                assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");
                long v = r.get("balanceVersion").asLong();
                assertThat(v).as("spin %d after version %d", i, last).isGreaterThan(last);
                balance = balance.subtract(new BigDecimal("0.50")).add(dec(r, "payout"));
                assertThat(dec(r, "balance")).isEqualByComparingTo(balance);
                last = v;
            }
            JsonNode b = lobby.balance();
            assertThat(b.get("balanceVersion").asLong()).isEqualTo(last);
            assertThat(dec(b, "balance")).isEqualByComparingTo(balance);
            assertThat(jdbc.queryForObject("SELECT balance_version FROM account WHERE owner_id = ? AND type = 'PLAYER_CASH'",
                    Long.class, p.id())).isEqualTo(last);
        }
    }

    @Test
    void operatorCreditIsPushedToTheOpenLobby() throws Exception {
        TestPlayer p = newPlayer("EUR", "10.00");
        try (Lobby lobby = lobbyOf(p)) {
            long shown = lobby.balance().get("balanceVersion").asLong();
            // The push comes from the Kafka wallet topic. The node's consumer starts at the latest offset, so a credit
            // made before it has its partitions would never come back: retry with a new credit until one is pushed.
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                var r = post("/operator/players/" + p.id() + "/adjustments",
                        "{\"direction\":\"CREDIT\",\"amount\":\"2.50\",\"reason\":\"push test\"}", operatorToken(),
                        "Idempotency-Key", "push-" + UUID.randomUUID());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                JsonNode credited = json(r.body());
                JsonNode push = lobby.next(f -> "balance".equals(f.path("type").asText())
                        && credited.get("balance").asText().equals(f.path("balance").asText()), Duration.ofSeconds(8));
                assertThat(push).as("push of %s", credited).isNotNull();
                assertThat(push.has("requestId")).as(push.toString()).isFalse();
                assertThat(push.get("currency").asText()).isEqualTo("EUR");
                assertThat(push.get("balanceVersion").asLong()).isEqualTo(credited.get("balanceVersion").asLong()).isGreaterThan(shown);
            });
            // a balance request agrees with the last push
            JsonNode now = lobby.balance();
            assertThat(dec(now, "balance")).isEqualByComparingTo(new BigDecimal(jdbc.queryForObject(
                    "SELECT balance_minor FROM account WHERE owner_id = ? AND type = 'PLAYER_CASH'", Long.class, p.id())).movePointLeft(2));
        }
    }

    @Test
    void storedRoundMatchesTheAnswerForWinsAndLosses() throws Exception {
        TestPlayer p = newPlayer("EUR", "200.00");
        boolean sawWin = false;
        boolean sawLoss = false;
        try (Lobby lobby = lobbyOf(p)) {
            for (int i = 0; i < 400 && !(sawWin && sawLoss); i++) {
                String rid = "round-" + i;
                JsonNode r = lobby.spin(RWB, "0.20", rid);
                assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");
                long payoutMinor = dec(r, "payout").movePointRight(2).longValueExact();
                Map<String, Object> row = jdbc.queryForMap("SELECT id::text AS id, game_id, currency, bet_minor, payout_minor, "
                        + "outcome::text AS outcome, hold_tx, settle_tx FROM game_round WHERE player_id = ? AND request_id = ?", p.id(), rid);
                assertThat(row.get("id")).isEqualTo(r.get("roundId").asText());
                assertThat(row.get("game_id")).isEqualTo(RWB);
                assertThat(row.get("currency")).isEqualTo("EUR");
                assertThat(row.get("bet_minor")).isEqualTo(20L);
                assertThat(row.get("payout_minor")).isEqualTo(payoutMinor);
                JsonNode outcome = json((String) row.get("outcome"));
                assertThat(outcome.get("window")).isEqualTo(r.get("result"));
                assertThat(outcome.get("stops")).hasSize(3);
                long wins = 0;
                for (JsonNode w : outcome.get("wins")) wins += w.get("amountMinor").asLong();
                assertThat(wins).isEqualTo(payoutMinor);
                // the two ledger transactions of the round: the hold and its settlement, cash moved by payout - bet
                assertThat(jdbc.queryForObject("SELECT reason FROM ledger_transaction WHERE id = ?", String.class, row.get("hold_tx")))
                        .isEqualTo("BET_RESERVED");
                assertThat(jdbc.queryForObject("SELECT reason FROM ledger_transaction WHERE id = ?", String.class, row.get("settle_tx")))
                        .isEqualTo("SPIN_SETTLED");
                Long cashDelta = jdbc.queryForObject("SELECT coalesce(sum(p.amount_minor), 0) FROM posting p JOIN account a ON a.id = p.account_id "
                        + "WHERE p.transaction_id IN (?, ?) AND a.type = 'PLAYER_CASH'", Long.class, row.get("hold_tx"), row.get("settle_tx"));
                assertThat(cashDelta).isEqualTo(payoutMinor - 20);
                if (payoutMinor > 0) sawWin = true;
                else sawLoss = true;
            }
            assertThat(sawWin).as("a winning spin within 400").isTrue();
            assertThat(sawLoss).as("a losing spin within 400").isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_hold WHERE player_id = ?", Long.class, p.id())).isZero();
        }
        assertLedgerBalanced();
    }

    @Test
    void blockedPlayerCannotSpinOnAnAlreadyOpenLobby() throws Exception {
        TestPlayer p = newPlayer("EUR", "10.00");
        try (Lobby lobby = lobbyOf(p)) {
            assertThat(lobby.spin(RWB, "1.00", "before-block").get("type").asText()).isEqualTo("spinResult");
            jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE id = ?", p.id());
            LedgerSnapshot before = LedgerSnapshot.of(jdbc, p.id());
            JsonNode refused = lobby.spin(RWB, "1.00", "after-block");
            assertThat(refused.get("code").asText()).as(refused.toString()).isEqualTo("PLAYER_BLOCKED");
            assertThat(refused.get("requestId").asText()).isEqualTo("after-block");
            assertThat(LedgerSnapshot.of(jdbc, p.id())).isEqualTo(before);
            assertThat(lobby.balance().get("type").asText()).isEqualTo("balance");
        }
    }

    @Test
    void atkinsDietPlaysWholeLineBetsAndRefusesOtherSteps() throws Exception {
        TestPlayer p = newPlayer("EUR", "20.00");
        try (Lobby lobby = lobbyOf(p)) {
            JsonNode r = lobby.spin(ATKINS, "1.00", "atkins-1");
            assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");
            assertThat(r.get("gameId").asText()).isEqualTo(ATKINS);
            assertThat(r.get("bet").asText()).isEqualTo("1.00");
            assertThat(r.get("result")).hasSize(5);
            r.get("result").forEach(reel -> assertThat(reel).hasSize(3));
            assertThat(dec(r, "balance")).isEqualByComparingTo(new BigDecimal("19.00").add(dec(r, "payout")));
            assertThat(roundsOf(p.id(), "atkins-1")).isEqualTo(1);

            LedgerSnapshot before = LedgerSnapshot.of(jdbc, p.id());
            JsonNode refused = lobby.spin(ATKINS, "1.10", "atkins-2");
            assertThat(refused.get("type").asText()).isEqualTo("error");
            assertThat(refused.get("code").asText()).as(refused.toString()).isEqualTo("INVALID_BET_STEP");
            assertThat(refused.get("requestId").asText()).isEqualTo("atkins-2");
            assertThat(LedgerSnapshot.of(jdbc, p.id())).isEqualTo(before);

            // the smallest whole step (20 lines x 0.01) plays
            assertThat(lobby.spin(ATKINS, "0.20", "atkins-3").get("type").asText()).isEqualTo("spinResult");
        }
        assertLedgerBalanced();
    }
}
