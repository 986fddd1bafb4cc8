package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chargeback above what the player holds (payments.md §5.2 CHARGED_BACK "DR player_available (may go negative → lock
 * account), CR psp_clearing"): one balanced transaction debits the cash there is and puts the shortfall on the player's
 * receivable; bets and withdrawals are blocked while anything is owed; a later deposit, and a reversed chargeback, pay
 * the receivable first. The ledger check stays clean throughout.
 */
class ChargebackReceivableTest extends PaymentsTestSupport {
    @Autowired
    io.hub.contracts.payments.KycGate gate;

    String succeededDeposit(String token, String amount, long amountMinor) throws Exception {
        String depositId = deposit(token, amount).get("depositId").asText();
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("payment.succeeded", "pay_" + depositId, null, amountMinor, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        return depositId;
    }

    void operatorAdjust(TestPlayer p, String direction, String amount) {
        HttpResponse<String> r = post("/operator/players/" + p.id() + "/adjustments",
                "{\"direction\":\"" + direction + "\",\"amount\":\"" + amount + "\",\"reason\":\"test\"}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    long receivableMinor(UUID playerId) {
        return jdbc.queryForObject("SELECT coalesce(sum(balance_minor), 0) FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE'",
                Long.class, playerId);
    }

    /** The postings of one ledger transaction by account type. */
    Map<String, Long> postings(String externalId) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.query("SELECT a.type, sum(p.amount_minor) FROM ledger_transaction t JOIN posting p ON p.transaction_id = t.id "
                + "JOIN account a ON a.id = p.account_id WHERE t.source = 'payments' AND t.external_id = ? GROUP BY a.type", rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, externalId);
        return out;
    }

    @Test
    void a_chargeback_above_the_balance_owes_the_shortfall_blocks_bets_and_withdrawals_and_the_next_deposits_repay_it_first() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        Tokens t = login(p.username(), p.password());
        approveKyc(p);
        String depositId = succeededDeposit(t.accessToken(), "100.13", 10_013);
        operatorAdjust(p, "DEBIT", "80.00"); // played away
        assertThat(cashMinor(p.id())).isEqualTo(2_013);

        String lost = "msg_" + UUID.randomUUID();
        sendStandard(lost, paymentEvent("dispute.lost", "dp_" + depositId, "pay_" + depositId, 10_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("CHARGED_BACK"));

        // one transaction: 20.13 from cash, 80.00 owed, PSP clearing credited the full 100.13
        assertThat(cashMinor(p.id())).isZero();
        assertThat(receivableMinor(p.id())).isEqualTo(-8_000);
        assertThat(postings("deposit:" + depositId + ":chargeback"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", -2_013L, "PLAYER_RECEIVABLE", -8_000L, "PSP_CLEARING", 10_013L)));
        assertThat(jdbc.queryForObject("SELECT outcome FROM webhook_inbox WHERE event_id = ?", String.class, lost))
                .endsWith("charged back 100.13 (20.13 from cash, 80.00 now owed by the player)");
        assertLedgerBalanced();

        // blocked: no new bets (lobby and provider gate alike), no withdrawal, even with cash in hand
        assertThat(gate.mayWager(p.id())).isFalse();
        operatorAdjust(p, "CREDIT", "5.00"); // e.g. the win of a round already open
        try (Lobby lobby = openLobby(t.wsToken())) {
            JsonNode refused = lobby.spin("red-white-blue", "1.00", "owing-" + UUID.randomUUID());
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("PLAYER_BLOCKED");
        }
        HttpResponse<String> withdrawal = post("/payments/withdrawals", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}", t.accessToken());
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(409);
        assertThat(json(withdrawal.body()).get("error").asText()).isEqualTo("RECEIVABLE_OUTSTANDING");
        assertThat(json(withdrawal.body()).get("message").asText()).isEqualTo("the player owes 80.00 EUR from a chargeback or refund; a deposit pays it first");
        assertThat(cashMinor(p.id())).isEqualTo(500);
        assertThat(heldMinor(p.id())).isZero();

        // a deposit of 50.13 pays 50.13 of the 80.00 owed, in the same database transaction as its credit
        String second = succeededDeposit(t.accessToken(), "50.13", 5_013);
        assertThat(cashMinor(p.id())).isEqualTo(500);
        assertThat(receivableMinor(p.id())).isEqualTo(-2_987);
        assertThat(postings("deposit:" + second + ":receivable"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", -5_013L, "PLAYER_RECEIVABLE", 5_013L)));
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT xid) FROM ledger_transaction WHERE source = 'payments' AND external_id IN (?, ?)",
                Long.class, "deposit:" + second + ":credit", "deposit:" + second + ":receivable")).isEqualTo(1);
        assertThat(gate.mayWager(p.id())).isFalse();

        // a deposit of 30.13 pays the remaining 29.87; 0.26 reaches the cash; the player may bet and withdraw again
        String third = succeededDeposit(t.accessToken(), "30.13", 3_013);
        assertThat(receivableMinor(p.id())).isZero();
        assertThat(cashMinor(p.id())).isEqualTo(500 + 26);
        assertThat(postings("deposit:" + third + ":receivable"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", -2_987L, "PLAYER_RECEIVABLE", 2_987L)));
        // the gate caches for 1 s on a node that did not process the deposit (the test JVM runs several hub contexts)
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.mayWager(p.id()));
        HttpResponse<String> allowed = post("/payments/withdrawals", "{\"amount\":\"1.13\",\"currency\":\"EUR\"}", t.accessToken());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);

        // Kafka: the repayments are wallet transactions of their own, after their deposit's credit
        List<ConsumerRecord<String, String>> records = readWalletTopic(rs -> rs.stream().filter(r -> r.value().contains(third + ":receivable")).count() == 1);
        JsonNode repaid = null;
        for (ConsumerRecord<String, String> r : records) if (r.value().contains("deposit:" + third + ":receivable")) repaid = json(r.value());
        assertThat(repaid).isNotNull();
        assertThat(repaid.get("reason").asText()).isEqualTo("RECEIVABLE_REPAID");
        assertThat(repaid.at("/metadata/repaidMinor").asLong()).isEqualTo(2_987);
        JsonNode receivableBalance = null;
        for (JsonNode b : repaid.get("balances")) if (b.get("accountType").asText().equals("PLAYER_RECEIVABLE")) receivableBalance = b;
        assertThat(receivableBalance.get("balanceMinor").asLong()).isZero();
        assertLedgerBalanced();
    }

    @Test
    void a_reversed_chargeback_first_reduces_what_is_owed_then_credits_the_cash() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "60.13", 6_013);
        operatorAdjust(p, "DEBIT", "50.00");
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("dispute.lost", "dp_" + depositId, "pay_" + depositId, 6_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("CHARGED_BACK"));
        assertThat(cashMinor(p.id())).isZero();
        assertThat(receivableMinor(p.id())).isEqualTo(-5_000);

        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("dispute.won", "dp_" + depositId, "pay_" + depositId, 6_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("REVERSED"));

        assertThat(receivableMinor(p.id())).isZero();
        assertThat(cashMinor(p.id())).isEqualTo(1_013);
        assertThat(postings("deposit:" + depositId + ":reinstated"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", 1_013L, "PLAYER_RECEIVABLE", 5_000L, "PSP_CLEARING", -6_013L)));
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.mayWager(p.id()));
        assertLedgerBalanced();
    }

    @Test
    void a_chargeback_the_cash_covers_owes_nothing() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "20.13", 2_013);
        operatorAdjust(p, "CREDIT", "10.00");
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("dispute.lost", "dp_" + depositId, "pay_" + depositId, 2_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("CHARGED_BACK"));

        assertThat(cashMinor(p.id())).isEqualTo(1_000);
        assertThat(postings("deposit:" + depositId + ":chargeback"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", -2_013L, "PSP_CLEARING", 2_013L)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE'", Long.class, p.id())).isZero();
        assertThat(gate.mayWager(p.id())).isTrue();
        assertLedgerBalanced();
    }

    @Test
    void money_a_held_withdrawal_gives_back_repays_what_is_owed_first_and_the_hold_queue_shows_why_it_waits() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken(); // KYC not approved: withdrawals wait ON_HOLD
        String depositId = succeededDeposit(token, "100.13", 10_013);
        String w1 = withdraw(token, "80.00").get("withdrawalId").asText();
        String w2 = withdraw(token, "10.00").get("withdrawalId").asText();
        assertThat(withdrawalStatus(w1)).isEqualTo("ON_HOLD");
        assertThat(cashMinor(p.id())).isEqualTo(1_013);

        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("dispute.lost", "dp_" + depositId, "pay_" + depositId, 10_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("CHARGED_BACK"));
        assertThat(cashMinor(p.id())).isZero();
        assertThat(receivableMinor(p.id())).isEqualTo(-9_000); // held money is not touched
        assertThat(json(get("/wallet/balance", token).body()).get("owed").asText()).isEqualTo("90.00");
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("owed").asText()).isEqualTo("90.00");
        // the hold queue says what blocks them now
        for (String w : List.of(w1, w2)) {
            assertThat(jdbc.queryForObject("SELECT hold_reason FROM withdrawal WHERE id = ?::uuid", String.class, w)).isEqualTo("RECEIVABLE_OUTSTANDING");
        }
        // owing is the answer to a new withdrawal, even with no cash at all
        HttpResponse<String> refused = post("/payments/withdrawals", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}", token);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused.body()).get("error").asText()).isEqualTo("RECEIVABLE_OUTSTANDING");

        // the player cancels one, the operator rejects the other: the money given back pays the debt first
        assertThat(post("/payments/withdrawals/" + w1 + "/cancel", "", token).statusCode()).isEqualTo(200);
        assertThat(receivableMinor(p.id())).isEqualTo(-1_000);
        assertThat(cashMinor(p.id())).isZero();
        assertThat(postings("withdrawal:" + w1 + ":receivable"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("PLAYER_CASH", -8_000L, "PLAYER_RECEIVABLE", 8_000L)));
        assertThat(post("/operator/withdrawals/" + w2 + "/reject", "", operatorToken()).statusCode()).isEqualTo(200);
        assertThat(receivableMinor(p.id())).isZero();
        assertThat(cashMinor(p.id())).isZero();
        assertThat(json(get("/wallet/balance", token).body()).get("owed").asText()).isEqualTo("0.00");
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.mayWager(p.id())); // the gate caches answers for 1 s
        assertLedgerBalanced();
    }
}
