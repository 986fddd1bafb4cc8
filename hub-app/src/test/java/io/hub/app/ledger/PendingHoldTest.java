package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.lobby.SpinHoldSweeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-phase money movements: a pending hold moves cash to held and is listed in {@code pending_hold}; posting or
 * voiding it is a new transaction that removes it from the list, at most once; an expired hold is voided by the
 * sweeper and the cash comes back.
 */
class PendingHoldTest extends LedgerTestSupport {
    @Autowired
    SpinHoldSweeper sweeper;

    @Test
    void aHoldMovesCashToHeldAndIsListedAsPending() {
        PlayerAccounts p = player("EUR", 1_000);

        LedgerResult hold = ledger.apply(hold(p, 250, "h-" + UUID.randomUUID(), Duration.ofSeconds(60)));

        assertThat(hold).isInstanceOf(LedgerResult.Applied.class);
        assertThat(cash(p)).isEqualTo(750);
        assertThat(held(p)).isEqualTo(250);
        Map<String, Object> row = jdbc.queryForMap("SELECT player_id, amount_minor, currency, "
                + "extract(epoch FROM expires_at - created_at)::int AS timeout_s FROM pending_hold WHERE hold_id = ?", hold.transactionId());
        assertThat(row).containsEntry("player_id", p.playerId()).containsEntry("amount_minor", 250L)
                .containsEntry("currency", "EUR").containsEntry("timeout_s", 60);
        assertThat(ledger.isPending(hold.transactionId())).isTrue();
        assertLedgerBalanced();

        ledger.apply(voidHold(p, hold.transactionId(), 250, "v-" + UUID.randomUUID())); // leave nothing pending
        assertThat(cash(p)).isEqualTo(1_000);
    }

    @Test
    void postingAHoldRemovesItFromThePendingList() {
        PlayerAccounts p = player("EUR", 1_000);
        UUID holdId = ledger.apply(hold(p, 250, "h-" + UUID.randomUUID(), Duration.ofSeconds(60))).transactionId();

        LedgerResult posted = ledger.apply(postHold(p, holdId, 250, "p-" + UUID.randomUUID()));

        assertThat(posted).isInstanceOf(LedgerResult.Applied.class);
        assertThat(ledger.isPending(holdId)).isFalse();
        assertThat(jdbc.queryForObject("SELECT resolves_hold FROM ledger_transaction WHERE id = ?", UUID.class, posted.transactionId()))
                .isEqualTo(holdId);
        assertThat(cash(p)).isEqualTo(750);
        assertThat(held(p)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void resolvingAHoldTwiceIsRefusedAndChangesNothing() {
        PlayerAccounts p = player("EUR", 1_000);
        UUID holdId = ledger.apply(hold(p, 250, "h-" + UUID.randomUUID(), Duration.ofSeconds(60))).transactionId();
        String postKey = "p-" + UUID.randomUUID();
        LedgerResult posted = ledger.apply(postHold(p, holdId, 250, postKey));
        Counts before = counts();

        assertThatThrownBy(() -> ledger.apply(voidHold(p, holdId, 250, "v-" + UUID.randomUUID())))
                .isInstanceOf(HoldNotPendingException.class).hasMessage("hold " + holdId + " is not pending");
        assertThatThrownBy(() -> ledger.apply(postHold(p, holdId, 250, "p2-" + UUID.randomUUID())))
                .isInstanceOf(HoldNotPendingException.class);
        // the same post again is a replay, not a second resolution
        assertThat(ledger.apply(postHold(p, holdId, 250, postKey)))
                .isEqualTo(new LedgerResult.Replayed(posted.transactionId(), posted.resultJson()));

        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isEqualTo(750);
        assertThat(held(p)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void resolvingAHoldTwiceIsRefusedEvenWhenAnotherHoldCoversTheAmount() {
        PlayerAccounts p = player("EUR", 1_000);
        UUID first = ledger.apply(hold(p, 250, "h-" + UUID.randomUUID(), Duration.ofSeconds(60))).transactionId();
        UUID second = ledger.apply(hold(p, 250, "h-" + UUID.randomUUID(), Duration.ofSeconds(60))).transactionId();
        ledger.apply(postHold(p, first, 250, "p-" + UUID.randomUUID()));
        Counts before = counts();

        assertThatThrownBy(() -> ledger.apply(voidHold(p, first, 250, "v-" + UUID.randomUUID())))
                .isInstanceOf(HoldNotPendingException.class).hasMessage("hold " + first + " is not pending");

        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isEqualTo(500);
        assertThat(held(p)).isEqualTo(250);
        assertThat(ledger.isPending(second)).isTrue();
        ledger.apply(voidHold(p, second, 250, "v-" + UUID.randomUUID()));
        assertThat(cash(p)).isEqualTo(750);
        assertThat(held(p)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void anExpiredHoldIsVoidedByTheSweeperAndTheCashComesBack() {
        PlayerAccounts p = player("EUR", 1_000);
        UUID holdId = ledger.apply(hold(p, 400, "h-" + UUID.randomUUID(), Duration.ofMillis(1))).transactionId();
        assertThat(cash(p)).isEqualTo(600);

        // the hold-expiry route sweeps every second too; either sweep voids it once, under the same key
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sweeper.run();
            assertThat(ledger.isPending(holdId)).isFalse();
        });

        List<Map<String, Object>> voids = jdbc.queryForList("SELECT reason, source, external_id, resolves_hold FROM ledger_transaction "
                + "WHERE resolves_hold = ?", holdId);
        assertThat(voids).containsExactly(Map.of("reason", "BET_HOLD_VOIDED", "source", "hold-expiry",
                "external_id", holdId.toString(), "resolves_hold", holdId));
        assertThat(cash(p)).isEqualTo(1_000);
        assertThat(held(p)).isZero();
        assertThat(transactionsOf(p)).isEqualTo(3);
        sweeper.run(); // nothing left to do, nothing changes
        assertThat(transactionsOf(p)).isEqualTo(3);
        assertLedgerBalanced();
    }

    @Test
    void aLobbySpinReservesTheBetAsAHoldAndPostsIt() throws Exception {
        TestPlayer player = newPlayer("EUR", "10.00");
        PlayerAccounts p = accounts.player(player.id()).orElseThrow();
        JsonNode r;
        try (Lobby lobby = openLobby(login(player.username(), player.password()).wsToken())) {
            r = lobby.spin("red-white-blue", "1.00", "hold-" + UUID.randomUUID());
        }
        assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");

        List<Map<String, Object>> txs = jdbc.queryForList("SELECT id, reason, resolves_hold FROM ledger_transaction "
                + "WHERE player_id = ? AND reason <> 'ADJUSTMENT' ORDER BY created_at", p.playerId());
        assertThat(txs).extracting(m -> m.get("reason")).containsExactly("BET_RESERVED", "SPIN_SETTLED");
        UUID holdId = (UUID) txs.get(0).get("id");
        assertThat(txs.get(1).get("resolves_hold")).isEqualTo(holdId);
        assertThat(jdbc.queryForList("SELECT account_id, amount_minor FROM posting WHERE transaction_id = ? ORDER BY amount_minor", holdId))
                .containsExactly(Map.of("account_id", p.cash().id(), "amount_minor", -100L),
                        Map.of("account_id", p.held().id(), "amount_minor", 100L));
        assertThat(ledger.isPending(holdId)).isFalse();
        assertThat(held(p)).isZero();
        long payoutMinor = new java.math.BigDecimal(r.get("payout").asText()).movePointRight(2).longValueExact();
        assertThat(cash(p)).isEqualTo(1_000 - 100 + payoutMinor);
        assertLedgerBalanced();
    }
}
