package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals with their KYC and AML gates, the operator's review, payout webhooks (paid, failed, paid-then-failed) and
 * the KYC flip of payments.md §7 #15, each ending with the ledger check clean.
 */
class KycAndWithdrawalTest extends PaymentsTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    io.hub.contracts.payments.KycGate kycGate;

    @Test
    void without_kyc_a_withdrawal_waits_on_hold_and_an_operator_rejection_returns_the_money() {
        TestPlayer p = newPlayer("EUR", "100.00");
        String token = login(p.username(), p.password()).accessToken();
        JsonNode w = withdraw(token, "40.00");
        String id = w.get("withdrawalId").asText();
        assertThat(w.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(cashMinor(p.id())).isEqualTo(6_000);
        assertThat(heldMinor(p.id())).isEqualTo(4_000);
        assertThat(json(get("/kyc", token).body()).get("status").asText()).isEqualTo("NOT_STARTED");

        JsonNode held = json(get("/operator/withdrawals?status=ON_HOLD&limit=500", operatorToken()).body());
        assertThat(held.findValuesAsText("withdrawalId")).contains(id);
        HttpResponse<String> approve = post("/operator/withdrawals/" + id + "/approve", "", operatorToken());
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(json(approve.body()).get("error").asText()).isEqualTo("KYC_NOT_APPROVED");
        HttpResponse<String> reject = post("/operator/withdrawals/" + id + "/reject", "", operatorToken());
        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);

        assertThat(withdrawalStatus(id)).isEqualTo("REJECTED");
        assertThat(cashMinor(p.id())).isEqualTo(10_000);
        assertThat(heldMinor(p.id())).isZero();
        assertThat(post("/operator/withdrawals/" + id + "/reject", "", operatorToken()).statusCode()).isEqualTo(409);
        assertLedgerBalanced();
    }

    @Test
    void above_the_aml_limit_a_withdrawal_is_held_and_paid_after_approval() throws Exception {
        TestPlayer p = newPlayer("EUR", "3000.00");
        String token = login(p.username(), p.password()).accessToken();
        approveKyc(p);
        JsonNode w = withdraw(token, "2500.00");
        String id = w.get("withdrawalId").asText();
        assertThat(w.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(jdbc.queryForObject("SELECT hold_reason FROM withdrawal WHERE id = ?::uuid", String.class, id)).isEqualTo("AML_SINGLE_LIMIT");

        HttpResponse<String> approve = post("/operator/withdrawals/" + id + "/approve", "", operatorToken());
        assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);
        assertThat(json(approve.body()).get("status").asText()).isEqualTo("SUBMITTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> withdrawalStatus(id).equals("PAID"));
        assertThat(cashMinor(p.id())).isEqualTo(50_000);
        assertThat(heldMinor(p.id())).isZero();
        assertLedgerBalanced();
    }

    @Test
    void a_payout_failure_returns_the_hold_and_a_paid_payout_that_fails_later_returns_the_money_once() throws Exception {
        TestPlayer p = newPlayer("EUR", "100.00");
        String token = login(p.username(), p.password()).accessToken();
        approveKyc(p);
        // x.13 amounts are not confirmed by the simulator: the test sends the payout events
        String failed = withdraw(token, "10.13").get("withdrawalId").asText();
        String returned = withdraw(token, "20.13").get("withdrawalId").asText();
        assertThat(withdrawalStatus(failed)).isEqualTo("SUBMITTED");

        sendStandard("msg_f_" + failed, payoutEvent("payout.failed", failed, 1013));
        sendStandard("msg_p_" + returned, payoutEvent("payout.paid", returned, 2013));
        await().atMost(Duration.ofSeconds(10)).until(() -> withdrawalStatus(failed).equals("FAILED") && withdrawalStatus(returned).equals("PAID"));
        assertThat(cashMinor(p.id())).isEqualTo(10_000 - 2_013);
        // Stripe: "some payouts that fail first show paid and then change to failed" — twice delivered, returned once
        String late = payoutEvent("payout.failed", returned, 2013);
        sendStandard("msg_late_" + returned, late);
        sendStandard("msg_late_" + returned, late);
        sendStandard("msg_late2_" + returned, payoutEvent("payout.returned", returned, 2013));
        await().atMost(Duration.ofSeconds(10)).until(() -> withdrawalStatus(returned).equals("RETURNED"));
        awaitInboxSettled("simpay");
        assertThat(cashMinor(p.id())).isEqualTo(10_000);
        assertThat(heldMinor(p.id())).isZero();
        assertLedgerBalanced();
    }

    @Test
    void a_rejection_after_approval_blocks_new_bets_and_holds_requested_withdrawals_but_keeps_the_balance() throws Exception {
        TestPlayer p = newPlayer("EUR", "1000.00");
        Tokens t = login(p.username(), p.password());
        approveKyc(p);
        try (Lobby lobby = openLobby(t.wsToken())) {
            assertThat(lobby.spin("red-white-blue", "1.00", "before-red").path("type").asText()).isEqualTo("spinResult");
        }
        // 666.00: the gateway answers 503, so the withdrawal stays REQUESTED (not submitted)
        HttpResponse<String> req = post("/payments/withdrawals", "{\"amount\":\"666.00\",\"currency\":\"EUR\",\"gatewayId\":\"faulty\"}", t.accessToken());
        assertThat(req.statusCode()).as(req.body()).isEqualTo(201);
        String requested = json(req.body()).get("withdrawalId").asText();
        assertThat(withdrawalStatus(requested)).isEqualTo("REQUESTED");
        long cashBefore = cashMinor(p.id());

        HttpResponse<String> red = sendSumsub(sumsubReview(p.id(), "app-" + p.id(), "RED", "FINAL", Instant.now().plusSeconds(1)));
        assertThat(red.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "REJECTED".equals(kycStatus(p.id())));

        assertThat(json(get("/kyc", t.accessToken()).body()).get("status").asText()).isEqualTo("REJECTED");
        assertThat(withdrawalStatus(requested)).isEqualTo("ON_HOLD");
        assertThat(jdbc.queryForObject("SELECT hold_reason FROM withdrawal WHERE id = ?::uuid", String.class, requested)).isEqualTo("KYC_REJECTED");
        assertThat(cashMinor(p.id())).isEqualTo(cashBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> !kycGate.mayWager(p.id())); // the gate caches answers for 1 s
        Tokens t2 = login(p.username(), p.password());
        try (Lobby lobby = openLobby(t2.wsToken())) {
            JsonNode refused = lobby.spin("red-white-blue", "1.00", "after-red");
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("PLAYER_BLOCKED");
        }
        // an older GREEN delivered late does not undo the rejection
        sendSumsub(sumsubReview(p.id(), "app-" + p.id(), "GREEN", null, Instant.now().minusSeconds(60)));
        awaitInboxSettled("sumsub");
        assertThat(kycStatus(p.id())).isEqualTo("REJECTED");
        assertThat(cashMinor(p.id())).isEqualTo(cashBefore);
        // and no new money comes in from a rejected identity
        HttpResponse<String> deposit = post("/payments/deposits", "{\"amount\":\"50.00\",\"currency\":\"EUR\"}", t2.accessToken());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(409);
        assertThat(json(deposit.body()).get("error").asText()).isEqualTo("KYC_REJECTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deposit WHERE player_id = ?", Long.class, p.id())).isZero();
        assertLedgerBalanced();
    }

    @Test
    void the_demo_players_kyc_is_approved() {
        assertThat(jdbc.queryForObject("SELECT k.status FROM kyc_applicant k JOIN app_user u ON u.id = k.player_id WHERE u.username = 'demo'",
                String.class)).isEqualTo("APPROVED");
    }

    @Test
    void a_player_cancels_a_withdrawal_waiting_on_hold_and_gets_the_money_back_once() {
        TestPlayer p = newPlayer("EUR", "300.00");
        String token = login(p.username(), p.password()).accessToken();
        JsonNode w = withdraw(token, "120.00"); // KYC not approved: waits ON_HOLD for an operator
        String id = w.get("withdrawalId").asText();
        assertThat(w.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(cashMinor(p.id())).isEqualTo(18_000);
        assertThat(heldMinor(p.id())).isEqualTo(12_000);

        HttpResponse<String> cancelled = post("/payments/withdrawals/" + id + "/cancel", "", token);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled.body()).get("status").asText()).isEqualTo("CANCELED");
        assertThat(cashMinor(p.id())).isEqualTo(30_000);
        assertThat(heldMinor(p.id())).isZero();

        // a second cancel (another key), an operator decision after it, and another player's cancel change nothing
        HttpResponse<String> again = post("/payments/withdrawals/" + id + "/cancel", "", token);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("error").asText()).isEqualTo("INVALID_STATE");
        assertThat(post("/operator/withdrawals/" + id + "/reject", "", operatorToken()).statusCode()).isEqualTo(409);
        TestPlayer q = newPlayer("EUR", "0");
        assertThat(post("/payments/withdrawals/" + id + "/cancel", "", login(q.username(), q.password()).accessToken()).statusCode()).isEqualTo(404);
        assertThat(cashMinor(p.id())).isEqualTo(30_000);
        assertLedgerBalanced();
    }
}
