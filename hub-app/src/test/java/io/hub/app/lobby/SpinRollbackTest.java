package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import io.hub.contracts.lobby.SpinDraw;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The spin's reserve, draw and settle commit together on the real PostgreSQL transaction manager: when settling
 * fails after the hold was written, the database transaction rolls back, so no ledger transaction, hold or round is
 * left (and so no outbox row: it is written with the transaction), the balance is untouched, and the same requestId
 * can be played again.
 */
class SpinRollbackTest extends HubIntegrationTest {
    private static final AtomicBoolean FAIL_SETTLE = new AtomicBoolean();
    private static volatile boolean advised;

    @Autowired
    CamelContext camel;

    @AfterEach
    void stopFailing() {
        FAIL_SETTLE.set(false);
    }

    private void adviseOnce() throws Exception {
        if (advised) return;
        AdviceWith.adviceWith(camel, "lobby-spin-transaction", a -> a.weaveById("settle").before().process(e -> {
            SpinDraw draw = e.getMessage().getBody(SpinDraw.class);
            if (FAIL_SETTLE.get() && draw.reservation().command().requestId().startsWith("boom-")) {
                throw new IllegalStateException("settle failed (test)");
            }
        }));
        advised = true;
    }

    @Test
    void a_spin_whose_settle_fails_rolls_back_its_hold_and_can_be_retried_with_the_same_request_id() throws Exception {
        adviseOnce();
        TestPlayer p = newPlayer("EUR", "10.00");
        long rowsBefore = rows(p);
        try (Lobby lobby = openLobby(login(p.username(), p.password()).wsToken())) {
            FAIL_SETTLE.set(true);
            JsonNode failed = lobby.spin("red-white-blue", "1.00", "boom-1");
            assertThat(failed.get("type").asText()).isEqualTo("error");
            assertThat(failed.get("code").asText()).isEqualTo("INTERNAL_ERROR");
            assertThat(failed.get("requestId").asText()).isEqualTo("boom-1");

            assertThat(rows(p)).as("ledger, holds and rounds unchanged").isEqualTo(rowsBefore);
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("10.00");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_hold WHERE player_id = ?", Long.class, p.id())).isZero();

            FAIL_SETTLE.set(false);
            JsonNode retried = lobby.spin("red-white-blue", "1.00", "boom-1");
            assertThat(retried.get("type").asText()).isEqualTo("spinResult");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ? AND reason IN ('BET_RESERVED', 'SPIN_SETTLED')",
                    Long.class, p.id())).isEqualTo(2);
        }
        assertLedgerBalanced();
    }

    private long rows(TestPlayer p) {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM ledger_transaction WHERE player_id = ?) "
                + "+ (SELECT count(*) FROM pending_hold WHERE player_id = ?) + (SELECT count(*) FROM game_round WHERE player_id = ?)",
                Long.class, p.id(), p.id(), p.id());
    }
}
