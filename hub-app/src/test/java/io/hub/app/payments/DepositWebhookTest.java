package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Deposits driven by signed webhooks (payments.md §7 #1, #2, #3, #10): duplicates, concurrent duplicates and
 * out-of-order events end in the right state with the player credited once and the ledger check clean. Amounts ending
 * in 13 minor units are not confirmed by the simulator, so these tests send every event themselves.
 */
class DepositWebhookTest extends PaymentsTestSupport {

    @Test
    void a_sequential_duplicate_credits_once_and_answers_2xx_as_a_no_op() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "20.13").get("depositId").asText();
        assertThat(depositStatus(depositId)).isEqualTo("PENDING");
        String msgId = "msg_" + UUID.randomUUID();
        String payload = paymentEvent("payment.succeeded", "pay_" + depositId, null, 2013, depositId);

        HttpResponse<String> first = sendStandard(msgId, payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        HttpResponse<String> again = sendStandard(msgId, payload);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).get("duplicate").asBoolean()).isFalse();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("duplicate").asBoolean()).isTrue();
        awaitInboxSettled("simpay");
        assertThat(cashMinor(p.id())).isEqualTo(2_013);
        assertThat(inboxCount("simpay", msgId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE external_id = ?", Long.class,
                "deposit:" + depositId + ":credit")).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void concurrent_duplicates_store_one_event_and_credit_once() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "30.13").get("depositId").asText();
        String msgId = "msg_" + UUID.randomUUID();
        String payload = paymentEvent("payment.succeeded", "pay_" + depositId, null, 3013, depositId);
        long ts = Instant.now().getEpochSecond();

        List<HttpResponse<String>> answers = concurrently(8, () -> sendStandard("simpay", msgId, ts, payload));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> !json(a.body()).get("duplicate").asBoolean())).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(inboxCount("simpay", msgId)).isEqualTo(1);
        assertThat(cashMinor(p.id())).isEqualTo(3_013);
        assertLedgerBalanced();
    }

    @Test
    void out_of_order_events_end_in_the_right_state_and_a_late_failure_after_success_is_recorded_only() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "40.13").get("depositId").asText();
        String pay = "pay_" + depositId;

        // the refund arrives first: deferred until the success it refunds has been applied
        String refundMsg = "msg_" + UUID.randomUUID();
        assertThat(sendStandard(refundMsg, paymentEvent("refund.succeeded", "re_" + depositId, pay, 1000, depositId)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DEFERRED".equals(jdbc.queryForObject(
                "SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, refundMsg)));
        assertThat(depositStatus(depositId)).isEqualTo("PENDING");
        assertThat(cashMinor(p.id())).isZero();

        assertThat(sendStandard("msg_" + UUID.randomUUID(), paymentEvent("payment.succeeded", pay, null, 4013, depositId)).statusCode()).isEqualTo(200);
        // 10.00 of 40.13 refunded: partially
        await().atMost(Duration.ofSeconds(15)).until(() -> depositStatus(depositId).equals("PARTIALLY_REFUNDED"));
        // a late failure of the same payment: the success is not undone, recorded only
        String lateMsg = "msg_" + UUID.randomUUID();
        assertThat(sendStandard(lateMsg, paymentEvent("payment.failed", pay, null, 4013, depositId)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(jdbc.queryForObject(
                "SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, lateMsg)));

        assertThat(depositStatus(depositId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(cashMinor(p.id())).isEqualTo(4_013 - 1_000);
        assertThat(jdbc.queryForObject("SELECT outcome FROM webhook_inbox WHERE event_id = ?", String.class, lateMsg)).startsWith("recorded only");
        JsonNode check = json(get("/operator/ledger/check", operatorToken()).body());
        assertThat(check.get("balanced").asBoolean()).as(check.toString()).isTrue();
    }

    @Test
    void a_success_for_another_amount_than_the_deposit_credits_nothing_and_is_parked_for_an_operator() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "100.13").get("depositId").asText(); // ends in 13: the simulator leaves it unconfirmed
        String under = "msg_" + UUID.randomUUID();
        String over = "msg_" + UUID.randomUUID();
        assertThat(sendStandard(under, paymentEvent("payment.succeeded", "pay_" + depositId, null, 1, depositId)).statusCode()).isEqualTo(200);
        assertThat(sendStandard(over, paymentEvent("payment.succeeded", "pay_" + depositId, null, 100_000_000, depositId)).statusCode()).isEqualTo(200);

        for (String msg : List.of(under, over)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> "PARKED".equals(
                    jdbc.queryForObject("SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, msg)));
            assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_inbox WHERE event_id = ?", String.class, msg)).contains("AMOUNT_MISMATCH: event " + msg + " confirms ");
        }
        assertThat(depositStatus(depositId)).isEqualTo("PENDING");
        assertThat(cashMinor(p.id())).isZero();

        // the gateway's correct confirmation still credits the deposit, once
        assertThat(sendStandard("msg_" + UUID.randomUUID(), paymentEvent("payment.succeeded", "pay_" + depositId, null, 10_013, depositId))
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(cashMinor(p.id())).isEqualTo(10_013);
        assertLedgerBalanced();
    }

    @Test
    void an_operator_accepts_the_confirmed_amount_of_a_mismatched_deposit_or_fails_it_and_either_is_audited() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "100.13").get("depositId").asText();
        String under = "msg_" + UUID.randomUUID();
        sendStandard(under, paymentEvent("payment.succeeded", "pay_" + depositId, null, 7_013, depositId));
        await().atMost(Duration.ofSeconds(15)).until(() -> "PARKED".equals(
                jdbc.queryForObject("SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, under)));

        HttpResponse<String> wrong = post("/operator/deposits/" + depositId + "/accept-amount", "{\"amount\":\"70.00\"}", operatorToken());
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(409);
        assertThat(json(wrong.body()).get("error").asText()).isEqualTo("NO_PARKED_MISMATCH");
        HttpResponse<String> ok = post("/operator/deposits/" + depositId + "/accept-amount", "{\"amount\":\"70.13\"}", operatorToken());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok.body()).get("amount").asText()).isEqualTo("70.13");
        await().atMost(Duration.ofSeconds(15)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(cashMinor(p.id())).isEqualTo(7_013);
        assertThat(json(get("/operator/audit?target=deposit:" + depositId, operatorToken()).body()).get("items").get(0).get("action").asText())
                .isEqualTo("DEPOSIT_AMOUNT_ACCEPTED");

        // the other way out: the operator fails it; a success arriving afterwards moves no money
        String other = deposit(token, "20.13").get("depositId").asText();
        HttpResponse<String> failed = post("/operator/deposits/" + other + "/fail", "", operatorToken());
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(json(failed.body()).get("status").asText()).isEqualTo("FAILED");
        assertThat(post("/operator/deposits/" + other + "/fail", "", operatorToken()).statusCode()).isEqualTo(409);
        String late = "msg_" + UUID.randomUUID();
        sendStandard(late, paymentEvent("payment.succeeded", "pay_" + other, null, 2_013, other));
        await().atMost(Duration.ofSeconds(15)).until(() -> "PROCESSED".equals(
                jdbc.queryForObject("SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, late)));
        assertThat(depositStatus(other)).isEqualTo("FAILED");
        assertThat(cashMinor(p.id())).isEqualTo(7_013);
        TestPlayer q = newPlayer("EUR", "0");
        assertThat(post("/operator/deposits/" + other + "/fail", "", login(q.username(), q.password()).accessToken()).statusCode()).isEqualTo(403);
        assertLedgerBalanced();
    }

    @Test
    void a_stripe_payment_intent_signed_by_stripe_java_credits_a_stripe_deposit() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "12.34", "stripe").get("depositId").asText();
        String pi = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String evt = "evt_" + UUID.randomUUID();
        String body = "{\"id\":\"" + evt + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"data\":{\"object\":{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":1234,"
                + "\"currency\":\"eur\",\"status\":\"succeeded\",\"metadata\":{\"depositId\":\"" + depositId + "\"}}}}";

        HttpResponse<String> r = sendStripe(STRIPE_NEW, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(cashMinor(p.id())).isEqualTo(1_234);
        assertLedgerBalanced();
    }

    @Test
    void a_gateway_decline_fails_the_deposit_and_an_unavailable_gateway_leaves_it_pending_for_a_retry() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        JsonNode declined = deposit(token, "888.00", "faulty");
        assertThat(declined.get("status").asText()).isEqualTo("FAILED");
        JsonNode unavailable = deposit(token, "666.00", "faulty");
        assertThat(unavailable.get("status").asText()).isEqualTo("PENDING");
        assertThat(unavailable.has("redirectUrl")).as("no checkout URL until the gateway answered").isFalse();
        assertThat(cashMinor(p.id())).isZero();
    }

    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        return PaymentsTestSupport.concurrently(threads, i -> task.call());
    }
}
