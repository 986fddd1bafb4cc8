package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Partial refunds (payments.md §5.2 REFUNDED / PARTIALLY_REFUNDED): each refund debits exactly what it adds, the
 * refunds accumulate until the deposit's amount, each counted once per refund id (incremental) or superseded by a
 * newer total (Stripe's cumulative {@code charge.refunded}); a refund over the remaining amount is parked, not posted.
 */
class PartialRefundTest extends PaymentsTestSupport {

    /** A deposit of {@code amount} (ending in .13: the simulator leaves it to the test) confirmed by a signed success. */
    String succeededDeposit(String token, String amount, long amountMinor) throws Exception {
        String depositId = deposit(token, amount).get("depositId").asText();
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("payment.succeeded", "pay_" + depositId, null, amountMinor, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        return depositId;
    }

    String inboxState(String eventId) {
        return jdbc.queryForObject("SELECT state FROM webhook_inbox WHERE event_id = ?", String.class, eventId);
    }

    long refundedMinor(String depositId) {
        return jdbc.queryForObject("SELECT refunded_minor FROM deposit WHERE id = ?::uuid", Long.class, depositId);
    }

    /** The ledger's DEPOSIT_REFUNDED transactions of the deposit: external id → the player's cash change. */
    Map<String, Long> refundPostings(String depositId) {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query("SELECT t.external_id, sum(p.amount_minor) FROM ledger_transaction t JOIN posting p ON p.transaction_id = t.id "
                + "JOIN account a ON a.id = p.account_id AND a.type = 'PSP_CLEARING' WHERE t.reason = 'DEPOSIT_REFUNDED' "
                + "AND t.external_id LIKE ? GROUP BY t.external_id", rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, "deposit:" + depositId + ":refund:%");
        return out;
    }

    @Test
    void partial_refunds_accumulate_to_refunded_each_counted_once_per_refund_id() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "100.13", 10_013);
        String pay = "pay_" + depositId;

        String first = "msg_" + UUID.randomUUID();
        sendStandard(first, paymentEvent("refund.succeeded", "re_1_" + depositId, pay, 3_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("PARTIALLY_REFUNDED"));
        assertThat(cashMinor(p.id())).isEqualTo(7_013);
        assertThat(refundedMinor(depositId)).isEqualTo(3_000);
        JsonNode api = json(get("/payments/deposits/" + depositId, token).body());
        assertThat(api.get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(api.get("amount").asText()).isEqualTo("100.13");
        assertThat(api.get("refundedAmount").asText()).isEqualTo("30.00");

        // another event about the same refund (a second notification, another event id): counted once
        String sameRefund = "msg_" + UUID.randomUUID();
        sendStandard(sameRefund, paymentEvent("refund.succeeded", "re_1_" + depositId, pay, 3_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxState(sameRefund)));
        assertThat(jdbc.queryForObject("SELECT outcome FROM webhook_inbox WHERE event_id = ?", String.class, sameRefund))
                .isEqualTo("recorded only: refund:re_1_" + depositId + " of deposit " + depositId + " was counted before");
        assertThat(cashMinor(p.id())).isEqualTo(7_013);

        // a second refund: 50.00, still partial; then the rest, 20.13: REFUNDED
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("refund.succeeded", "re_2_" + depositId, pay, 5_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> refundedMinor(depositId) == 8_000);
        assertThat(depositStatus(depositId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(cashMinor(p.id())).isEqualTo(2_013);
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("refund.succeeded", "re_3_" + depositId, pay, 2_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("REFUNDED"));
        awaitInboxSettled("simpay");

        assertThat(cashMinor(p.id())).isZero();
        assertThat(refundedMinor(depositId)).isEqualTo(10_013);
        assertThat(json(get("/payments/deposits/" + depositId, token).body()).get("refundedAmount").asText()).isEqualTo("100.13");
        assertThat(refundPostings(depositId)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "deposit:" + depositId + ":refund:refund:re_1_" + depositId, 3_000L,
                "deposit:" + depositId + ":refund:refund:re_2_" + depositId, 5_000L,
                "deposit:" + depositId + ":refund:refund:re_3_" + depositId, 2_013L)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE'", Long.class, p.id()))
                .as("cash covered every refund: nothing owed").isZero();

        // Kafka: one deposit event per refund, with the refunded total
        List<ConsumerRecord<String, String>> records = readTopics(List.of("payments.deposits"), rs -> mine(rs, depositId).size() >= 5);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : mine(records, depositId)) {
            seen.add(e.path("previousStatus").asText("null") + "→" + e.get("status").asText() + " " + e.get("refundedAmount").asText());
        }
        assertThat(seen).containsExactly("null→PENDING 0.00", "PENDING→SUCCEEDED 0.00", "SUCCEEDED→PARTIALLY_REFUNDED 30.00",
                "PARTIALLY_REFUNDED→PARTIALLY_REFUNDED 80.00", "PARTIALLY_REFUNDED→REFUNDED 100.13");
        assertLedgerBalanced();
    }

    static List<JsonNode> mine(List<ConsumerRecord<String, String>> records, String depositId) {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode e = json(r.value());
            if (depositId.equals(e.path("depositId").asText())) out.add(e);
        }
        return out;
    }

    @Test
    void a_refund_over_the_remaining_amount_is_parked_and_posts_nothing() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "50.13", 5_013);
        String pay = "pay_" + depositId;
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("refund.succeeded", "re_a_" + depositId, pay, 2_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("PARTIALLY_REFUNDED"));

        // 40.00 more would refund 60.00 of a 50.13 deposit (30.13 remain)
        String over = "msg_" + UUID.randomUUID();
        sendStandard(over, paymentEvent("refund.succeeded", "re_b_" + depositId, pay, 4_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PARKED".equals(inboxState(over)));

        assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_inbox WHERE event_id = ?", String.class, over))
                .isEqualTo("PermanentInboxFailure: REFUND_EXCEEDS_DEPOSIT: refunds of deposit " + depositId + " would total 60.00 EUR, "
                        + "more than its amount 50.13 (refunded so far 20.00, remaining 30.13); refund:re_b_" + depositId + " not posted");
        assertThat(depositStatus(depositId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refundedMinor(depositId)).isEqualTo(2_000);
        assertThat(cashMinor(p.id())).isEqualTo(3_013);
        assertThat(refundPostings(depositId)).containsOnlyKeys("deposit:" + depositId + ":refund:refund:re_a_" + depositId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deposit_refund WHERE deposit_id = ?::uuid", Long.class, depositId)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void a_refund_the_cash_cannot_cover_debits_the_cash_and_owes_the_rest() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "40.13", 4_013);
        // the player plays 35.00 away (an operator debit stands in for the lost bets)
        assertThat(post("/operator/players/" + p.id() + "/adjustments", "{\"direction\":\"DEBIT\",\"amount\":\"35.00\",\"reason\":\"lost bets\"}",
                operatorToken()).statusCode()).isEqualTo(201);
        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("refund.succeeded", "re_c_" + depositId, "pay_" + depositId, 1_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("PARTIALLY_REFUNDED"));

        // 5.13 from cash, 4.87 owed; PSP clearing credited the full 10.00
        assertThat(cashMinor(p.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT balance_minor FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE'", Long.class, p.id()))
                .isEqualTo(-487);
        assertThat(refundPostings(depositId)).containsExactlyEntriesOf(Map.of("deposit:" + depositId + ":refund:refund:re_c_" + depositId, 1_000L));
        assertLedgerBalanced();
    }

    @Test
    void stripe_charge_refunded_is_cumulative_and_the_refund_objects_of_the_same_refunds_are_not_counted_again() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = deposit(token, "40.13", "stripe").get("depositId").asText();
        // the gateway's payment id, as its create-payment answer gave it (Stripe: the PaymentIntent's pi_…)
        String pi = jdbc.queryForObject("SELECT psp_reference FROM deposit WHERE id = ?::uuid", String.class, depositId);
        assertThat(pi).isNotNull();
        stripe("payment_intent.succeeded", "{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":4013,\"currency\":\"eur\","
                + "\"status\":\"succeeded\",\"metadata\":{\"depositId\":\"" + depositId + "\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));

        // refund re_1 of 10.00: Stripe sends charge.refunded (total 10.00) and refund.updated (re_1, 10.00)
        String c1 = chargeRefunded(pi, 1_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundedMinor(depositId) == 1_000);
        assertThat(cashMinor(p.id())).isEqualTo(3_013);
        String r1 = refundObject(pi, "re_1" + pi, 1_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxState(r1)));
        assertThat(cashMinor(p.id())).isEqualTo(3_013);

        // refund re_2 of 15.00, its refund object first this time (incremental total 25.00), then charge.refunded 25.00
        String r2 = refundObject(pi, "re_2" + pi, 1_500);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundedMinor(depositId) == 2_500);
        assertThat(cashMinor(p.id())).isEqualTo(1_513);
        String c2 = chargeRefunded(pi, 2_500);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxState(c2)));
        // an old total delivered late (a new event id with the first total): changes nothing
        String late = chargeRefunded(pi, 1_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxState(late)));
        assertThat(cashMinor(p.id())).isEqualTo(1_513);
        assertThat(depositStatus(depositId)).isEqualTo("PARTIALLY_REFUNDED");

        // the rest, 15.13, reported only as a cumulative total: REFUNDED
        String c3 = chargeRefunded(pi, 4_013);
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("REFUNDED"));
        awaitInboxSettled("stripe");

        assertThat(cashMinor(p.id())).isZero();
        assertThat(refundedMinor(depositId)).isEqualTo(4_013);
        assertThat(refundPostings(depositId)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "deposit:" + depositId + ":refund:event:" + c1, 1_000L,
                "deposit:" + depositId + ":refund:refund:re_2" + pi, 1_500L,
                "deposit:" + depositId + ":refund:event:" + c3, 1_513L)));
        for (String recordedOnly : List.of(r1, c2, late)) {
            assertThat(jdbc.queryForObject("SELECT outcome FROM webhook_inbox WHERE event_id = ?", String.class, recordedOnly))
                    .as(recordedOnly).startsWith("recorded only: ");
        }
        assertThat(r2).isNotNull();
        assertLedgerBalanced();
    }

    String stripe(String type, String object) throws Exception {
        String evt = "evt_" + UUID.randomUUID();
        String body = "{\"id\":\"" + evt + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"data\":{\"object\":" + object + "}}";
        assertThat(sendStripe(STRIPE_NEW, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        return evt;
    }

    String chargeRefunded(String pi, long amountRefunded) throws Exception {
        return stripe("charge.refunded", "{\"id\":\"ch_" + pi + "\",\"object\":\"charge\",\"amount\":4013,\"amount_refunded\":" + amountRefunded
                + ",\"currency\":\"eur\",\"payment_intent\":\"" + pi + "\",\"status\":\"succeeded\",\"refunded\":" + (amountRefunded == 4013) + "}");
    }

    String refundObject(String pi, String refundId, long amount) throws Exception {
        return stripe("refund.updated", "{\"id\":\"" + refundId + "\",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":\"eur\","
                + "\"payment_intent\":\"" + pi + "\",\"charge\":\"ch_" + pi + "\",\"status\":\"succeeded\"}");
    }

    @Test
    void a_refund_for_a_deposit_refunded_in_full_or_a_known_refund_with_another_amount_is_parked_not_recorded_only() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        String depositId = succeededDeposit(token, "50.13", 5_013);
        String pay = "pay_" + depositId;
        String changed = "msg_" + UUID.randomUUID();
        String full = "msg_" + UUID.randomUUID();
        String beyond = "msg_" + UUID.randomUUID();

        sendStandard("msg_" + UUID.randomUUID(), paymentEvent("refund.succeeded", "re_a_" + depositId, pay, 2_000, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> refundedMinor(depositId) == 2_000);
        // the same refund id reported with another amount: the gateway contradicts itself
        sendStandard(changed, paymentEvent("refund.succeeded", "re_a_" + depositId, pay, 2_500, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PARKED".equals(inboxState(changed)));
        sendStandard(full, paymentEvent("refund.succeeded", "re_b_" + depositId, pay, 3_013, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> depositStatus(depositId).equals("REFUNDED"));
        // one more refund on a deposit refunded in full
        sendStandard(beyond, paymentEvent("refund.succeeded", "re_c_" + depositId, pay, 1, depositId));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PARKED".equals(inboxState(beyond)));

        assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_inbox WHERE event_id = ?", String.class, changed)).contains("REFUND_AMOUNT_CHANGED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_inbox WHERE event_id = ?", String.class, beyond)).contains("REFUND_EXCEEDS_DEPOSIT");
        assertThat(refundedMinor(depositId)).isEqualTo(5_013);
        assertThat(cashMinor(p.id())).isZero();
        assertLedgerBalanced();
    }
}
