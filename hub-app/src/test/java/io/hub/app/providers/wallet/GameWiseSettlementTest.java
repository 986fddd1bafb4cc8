package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.wallet.conformance.ConformanceKit;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderPolicy.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Policy {@code settlement} GAMEWISE (providers.md §1 row 14 "Round lifecycle", §4 shape C: "In 'game-wise'
 * settlement one credit may settle the whole round. A credit of 0 settles as a loss."; [E3] "Mixed" vs "Gamewise"):
 * one Evolution {@code credit} settles every open bet of its round in one ledger transaction, pays its amount once and
 * closes the round; a replay has no second effect, a different credit for the settled round is
 * {@code BET_ALREADY_SETTLED}, cancels stay per bet. MIXED (the default) is unchanged: a credit settles its
 * {@code refId} only. Every refusal answers the real balance and writes nothing.
 */
class GameWiseSettlementTest extends ProviderWalletTestSupport {
    @Autowired
    ConformanceKit kit;

    private TestProvider gameWise(ProviderProtocol protocol) {
        return provider(protocol, ProviderConfig.defaultPolicy(protocol).withSettlement(Settlement.GAMEWISE), Map.of());
    }

    private static JsonNode body(ProviderCallbackAnswer a) {
        return json(a.bodyText());
    }

    private static String status(ProviderCallbackAnswer a) {
        return body(a).get("status").asText();
    }

    private String betState(TestProvider p, String betRef) {
        return jdbc.queryForObject("SELECT state FROM provider_bet WHERE provider_id = ? AND bet_ref = ?", String.class, p.id(), betRef);
    }

    private Map<String, Object> round(TestProvider p, UUID player, String round) {
        return jdbc.queryForMap("SELECT status, closed_by FROM provider_round WHERE provider_id = ? AND player_id = ? AND round_id = ?",
                p.id(), player, round);
    }

    private long callbackRows(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM provider_transaction WHERE player_id = ?", Long.class, player);
    }

    /** Asserts an Evolution answer: status, HTTP 200, the balance it carries (major units) equals the ledger's. */
    private void answers(ProviderCallbackAnswer a, String status, String balance, Seat s) {
        assertThat(a.httpStatus()).isEqualTo(200);
        JsonNode j = body(a);
        assertThat(j.get("status").asText()).as(a.bodyText()).isEqualTo(status);
        assertThat(j.get("balance").decimalValue()).as(a.bodyText()).isEqualByComparingTo(balance);
        assertThat(j.has("retransmission")).isFalse();
        assertThat(cashMinor(s.playerId())).isEqualTo(new java.math.BigDecimal(balance).movePointRight(2).longValueExact());
    }

    @Test
    void one_credit_settles_three_open_bets_of_the_round_with_one_payout_and_closes_the_round() {
        TestProvider p = gameWise(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;

        // three debits of one round (blackjack: bet, split, doubling down), 10.00 + 5.00 + 2.50 → 82.50
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false), "OK", "90.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "5.00", false), "OK", "85.00", s);
        answers(call(p, "bet", s, s.token(), "C" + k, null, round, "2.50", false), "OK", "82.50", s);

        // one credit of 30.00 whose refId names the middle debit: paid once (not per bet) → 112.50
        answers(call(p, "win", s, s.token(), "W" + k, "B" + k, round, "30.00", false), "OK", "112.50", s);
        for (String bet : List.of("A", "B", "C")) assertThat(betState(p, bet + k)).as(bet).isEqualTo("SETTLED");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "CLOSED").containsEntry("closed_by", "FLAG");
        assertThat(providerTransactions(s.playerId())).isEqualTo(4);   // three debits, one credit
        assertThat(callbackRows(s.playerId())).isEqualTo(4);
        // the credit is one ledger transaction of exactly 30.00 into the player's cash
        long credited = jdbc.queryForObject("SELECT p.amount_minor FROM posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
                + " JOIN provider_transaction x ON x.ledger_tx = t.id WHERE x.provider_id = ? AND x.transaction_id = ? AND p.account_id = ?",
                Long.class, p.id(), "win:W" + k, accounts.player(s.playerId()).orElseThrow().cash().id());
        assertThat(credited).isEqualTo(3_000);

        // the provider's retry of the same credit: the original answer, nothing moves again
        answers(call(p, "win", s, s.token(), "W" + k, "B" + k, round, "30.00", false), "OK", "112.50", s);
        // a different credit for the settled round, naming any of its bets: BET_ALREADY_SETTLED, nothing written
        for (String ref : List.of("A", "B", "C")) {
            answers(call(p, "win", s, s.token(), "W2" + ref + k, ref + k, round, "30.00", false), "BET_ALREADY_SETTLED", "112.50", s);
        }
        // and a zero credit too (a settled round cannot be "lost" afterwards)
        answers(call(p, "win", s, s.token(), "W0" + k, "A" + k, round, "0.00", false), "BET_ALREADY_SETTLED", "112.50", s);
        // cancels stay per bet: a settled bet is not cancelled (cancelAfterSettle REJECT)
        answers(call(p, "rollback", s, s.token(), "X" + k, "C" + k, round, null, false), "BET_ALREADY_SETTLED", "112.50", s);
        // no debit on the closed round
        answers(call(p, "bet", s, s.token(), "D" + k, null, round, "1.00", false), "BET_ALREADY_SETTLED", "112.50", s);

        assertThat(providerTransactions(s.playerId())).isEqualTo(4);
        assertThat(callbackRows(s.playerId())).isEqualTo(4);
        assertLedgerBalanced();

        // Kafka: one record per money move of the player (three debits, one credit of 30.00), no more
        List<ConsumerRecord<String, String>> records = readWalletTopic(rs -> ofPlayer(rs, s.playerId(), p).size() >= 4);
        List<JsonNode> mine = ofPlayer(records, s.playerId(), p);
        assertThat(mine).extracting(j -> j.get("reason").asText())
                .containsExactlyInAnyOrder("PROVIDER_BET", "PROVIDER_BET", "PROVIDER_BET", "PROVIDER_WIN");
        JsonNode win = mine.stream().filter(j -> j.get("reason").asText().equals("PROVIDER_WIN")).findFirst().orElseThrow();
        long toCash = 0;
        for (JsonNode posting : win.get("postings")) {
            if (posting.get("accountType").asText().equals("PLAYER_CASH")) toCash += posting.get("amountMinor").asLong();
        }
        assertThat(toCash).isEqualTo(3_000);
    }

    /** The player's records from the provider (the player's funding adjustment left out). */
    private static List<JsonNode> ofPlayer(List<ConsumerRecord<String, String>> records, UUID player, TestProvider p) {
        return records.stream().map(r -> json(r.value())).filter(j -> player.toString().equals(j.path("playerId").asText())
                && ("provider:" + p.id()).equals(j.path("source").asText())).toList();
    }

    @Test
    void a_credit_of_zero_settles_every_open_bet_as_a_loss_and_closes_the_round() {
        TestProvider p = gameWise(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "50.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "4.00", false), "OK", "46.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "6.00", false), "OK", "40.00", s);

        answers(call(p, "win", s, s.token(), "L" + k, "A" + k, round, "0.00", false), "OK", "40.00", s);
        assertThat(betState(p, "A" + k)).isEqualTo("SETTLED");
        assertThat(betState(p, "B" + k)).isEqualTo("SETTLED");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "CLOSED");
        // no money moved: no ledger transaction for the loss, its callback is recorded (so a retry is a replay)
        assertThat(providerTransactions(s.playerId())).isEqualTo(2);
        assertThat(callbackRows(s.playerId())).isEqualTo(3);

        answers(call(p, "win", s, s.token(), "L" + k, "A" + k, round, "0.00", false), "OK", "40.00", s);
        // a late winning credit for the lost round pays nothing
        answers(call(p, "win", s, s.token(), "W" + k, "B" + k, round, "25.00", false), "BET_ALREADY_SETTLED", "40.00", s);
        assertThat(callbackRows(s.playerId())).isEqualTo(3);
        assertLedgerBalanced();
    }

    @Test
    void cancels_stay_per_bet_and_the_credit_settles_what_is_left_open() {
        TestProvider p = gameWise(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false), "OK", "90.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "20.00", false), "OK", "70.00", s);
        answers(call(p, "bet", s, s.token(), "C" + k, null, round, "30.00", false), "OK", "40.00", s);
        // the cancel of B refunds B's stake only; the round stays open
        answers(call(p, "rollback", s, s.token(), "XB" + k, "B" + k, round, null, false), "OK", "60.00", s);
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "OPEN");

        // the credit names the cancelled bet: the round's open bets (A, C) settle; B stays cancelled
        answers(call(p, "win", s, s.token(), "W" + k, "B" + k, round, "15.00", false), "OK", "75.00", s);
        assertThat(betState(p, "A" + k)).isEqualTo("SETTLED");
        assertThat(betState(p, "B" + k)).isEqualTo("ROLLED_BACK");
        assertThat(betState(p, "C" + k)).isEqualTo("SETTLED");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "CLOSED");
        // the cancelled bet is not cancelled twice, the settled ones not at all
        answers(call(p, "rollback", s, s.token(), "XB2" + k, "B" + k, round, null, false), "BET_ALREADY_SETTLED", "75.00", s);
        answers(call(p, "rollback", s, s.token(), "XA" + k, "A" + k, round, null, false), "BET_ALREADY_SETTLED", "75.00", s);

        // a round whose every bet was cancelled gets no credit (no depositAfterCancel): BET_ALREADY_SETTLED, nothing paid
        String r2 = "h" + k;
        answers(call(p, "bet", s, s.token(), "E" + k, null, r2, "5.00", false), "OK", "70.00", s);
        answers(call(p, "rollback", s, s.token(), "XE" + k, "E" + k, r2, null, false), "OK", "75.00", s);
        answers(call(p, "win", s, s.token(), "WE" + k, "E" + k, r2, "9.00", false), "BET_ALREADY_SETTLED", "75.00", s);
        assertThat(providerTransactions(s.playerId())).isEqualTo(7);   // 4 debits, 2 cancels, 1 credit
        assertLedgerBalanced();
    }

    @Test
    void an_unknown_refId_is_BET_DOES_NOT_EXIST_and_a_credit_naming_another_round_is_INVALID_PARAMETER_both_writing_nothing() {
        TestProvider p = gameWise(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        Seat other = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false), "OK", "90.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "10.00", false), "OK", "80.00", s);
        answers(call(other, p, "O" + k, round), "OK", "99.00", other);
        long rows = callbackRows(s.playerId());

        // a refId the wallet never saw (as under MIXED)
        answers(call(p, "win", s, s.token(), "W1" + k, "nope" + k, round, "50.00", false), "BET_DOES_NOT_EXIST", "80.00", s);
        // another player's debit is no bet of this player
        answers(call(p, "win", s, s.token(), "W2" + k, "O" + k, round, "50.00", false), "BET_DOES_NOT_EXIST", "80.00", s);
        // game.id names another round than the refId's debit: which round to close is ambiguous, money is not guessed
        answers(call(p, "win", s, s.token(), "W3" + k, "A" + k, "elsewhere" + k, "50.00", false), "INVALID_PARAMETER", "80.00", s);
        assertThat(callbackRows(s.playerId())).isEqualTo(rows);
        assertThat(betState(p, "A" + k)).isEqualTo("OPEN");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "OPEN");

        // the valid credit still settles the round; the other player's bet of a same-named round is untouched
        answers(call(p, "win", s, s.token(), "W4" + k, "A" + k, round, "50.00", false), "OK", "130.00", s);
        assertThat(betState(p, "B" + k)).isEqualTo("SETTLED");
        assertThat(betState(p, "O" + k)).isEqualTo("OPEN");
        assertThat(round(p, other.playerId(), round)).containsEntry("status", "OPEN");
        assertThat(cashMinor(other.playerId())).isEqualTo(9_900);
        assertLedgerBalanced();
    }

    private ProviderCallbackAnswer call(Seat seat, TestProvider p, String tx, String round) {
        return call(p, "bet", seat, seat.token(), tx, null, round, "1.00", false);
    }

    @Test
    void a_mixed_provider_is_unchanged_each_credit_settles_its_refId_only_and_the_round_stays_open() {
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        assertThat(p.config().policy().settlement()).isEqualTo(Settlement.MIXED);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false), "OK", "90.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "5.00", false), "OK", "85.00", s);

        answers(call(p, "win", s, s.token(), "WA" + k, "A" + k, round, "12.00", false), "OK", "97.00", s);
        assertThat(betState(p, "A" + k)).isEqualTo("SETTLED");
        assertThat(betState(p, "B" + k)).isEqualTo("OPEN");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "OPEN");
        // B's own credit pays too; a further one for A is refused (creditAfterSettle REJECT); a debit on the round plays
        answers(call(p, "win", s, s.token(), "WB" + k, "B" + k, round, "8.00", false), "OK", "105.00", s);
        answers(call(p, "win", s, s.token(), "WA2" + k, "A" + k, round, "12.00", false), "BET_ALREADY_SETTLED", "105.00", s);
        answers(call(p, "bet", s, s.token(), "C" + k, null, round, "1.00", false), "OK", "104.00", s);
        assertThat(providerTransactions(s.playerId())).isEqualTo(5);
        assertLedgerBalanced();
    }

    @Test
    void a_credit_naming_a_bet_paid_under_mixed_settlement_is_refused_after_the_switch_to_game_wise() {
        // review finding: MIXED credit for A, provider switched to GAMEWISE with B still open, a new credit naming A
        // paid A a second time (and settled B with it); A has its credit: BET_ALREADY_SETTLED, nothing written
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        answers(call(p, "bet", s, s.token(), "A" + k, null, round, "10.00", false), "OK", "90.00", s);
        answers(call(p, "bet", s, s.token(), "B" + k, null, round, "5.00", false), "OK", "85.00", s);
        answers(call(p, "win", s, s.token(), "WA" + k, "A" + k, round, "20.00", false), "OK", "105.00", s);

        jdbc.update("UPDATE provider SET policy = jsonb_set(policy, '{settlement}', '\"GAMEWISE\"') WHERE id = ?", p.id());
        registry.invalidate(p.id());
        assertThat(registry.find(p.id()).orElseThrow().policy().settlement()).isEqualTo(Settlement.GAMEWISE);
        long rows = providerTransactions(s.playerId());

        answers(call(p, "win", s, s.token(), "WA2" + k, "A" + k, round, "8.00", false), "BET_ALREADY_SETTLED", "105.00", s);
        assertThat(providerTransactions(s.playerId())).isEqualTo(rows);
        assertThat(betState(p, "B" + k)).isEqualTo("OPEN");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "OPEN");
        // a credit naming the open bet settles what is left of the round, once
        answers(call(p, "win", s, s.token(), "WB" + k, "B" + k, round, "7.00", false), "OK", "112.00", s);
        assertThat(betState(p, "B" + k)).isEqualTo("SETTLED");
        assertThat(round(p, s.playerId(), round)).containsEntry("status", "CLOSED");
        assertLedgerBalanced();
    }

    @Test
    void parallel_different_credits_for_one_round_pay_exactly_once() throws Exception {
        TestProvider p = gameWise(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String round = "g" + k;
        for (String b : List.of("A", "B", "C")) {
            assertThat(status(call(p, "bet", s, s.token(), b + k, null, round, "10.00", false))).isEqualTo("OK");
        }
        int n = 9;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<ProviderCallbackAnswer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String ref = List.of("A", "B", "C").get(i % 3) + k;
                String tx = "W" + i + k;
                futures.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return call(p, "win", s, s.token(), tx, ref, round, "40.00", false);
                }));
            }
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<ProviderCallbackAnswer> f : futures) statuses.add(status(f.get(60, TimeUnit.SECONDS)));
            assertThat(statuses.stream().filter("OK"::equals).count()).as(statuses.toString()).isEqualTo(1);
            assertThat(statuses.stream().filter("BET_ALREADY_SETTLED"::equals).count()).as(statuses.toString()).isEqualTo(n - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000 - 3_000 + 4_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(4);
        assertLedgerBalanced();
    }

    @Test
    void operators_set_settlement_per_provider_and_bad_values_are_a_400_naming_the_choices() {
        String id = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        var r = post("/operator/providers", "{\"id\":\"" + id + "\",\"protocol\":\"EVOLUTION\",\"displayName\":\"GW\","
                + "\"credentials\":{\"apiToken\":\"evo-token-" + id + "\"},\"currencies\":[\"EUR\"],"
                + "\"policy\":{\"settlement\":\"GAMEWISE\",\"gameCheck\":\"OFF\"}}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = json(r.body());
        assertThat(created.get("policy").get("settlement").asText()).isEqualTo("GAMEWISE");
        assertThat(created.get("policy").get("creditAfterSettle").asText()).isEqualTo("REJECT");   // other fields keep their defaults
        assertThat(registry.find(id).orElseThrow().policy().settlement()).isEqualTo(Settlement.GAMEWISE);

        var bad = post("/operator/providers", "{\"id\":\"x" + id + "\",\"protocol\":\"EVOLUTION\",\"displayName\":\"GW\","
                + "\"credentials\":{\"apiToken\":\"evo-token-" + id + "\"},\"currencies\":[\"EUR\"],"
                + "\"policy\":{\"settlement\":\"PER_TABLE\"}}", operatorToken());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("error").asText()).isEqualTo("INVALID_MESSAGE");
        assertThat(json(bad.body()).get("message").asText()).contains("settlement MIXED|GAMEWISE");
        assertThat(registry.find("x" + id)).isEmpty();

        // back to mixed settlement by PATCH: the next callbacks use it
        var patched = patch("/operator/providers/" + id, "{\"version\":" + created.get("version").asLong()
                + ",\"policy\":{\"settlement\":\"MIXED\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched.body()).get("policy").get("settlement").asText()).isEqualTo("MIXED");
        registry.invalidate(id);
        assertThat(registry.find(id).orElseThrow().policy().settlement()).isEqualTo(Settlement.MIXED);
    }

    @Test
    void a_stored_policy_without_settlement_is_mixed_unless_the_older_gameWiseSettlement_setting_says_game_wise() {
        String old = "{\"unknownRollback\":\"NOT_FOUND\",\"replay\":\"ORIGINAL_RESPONSE\",\"txIdScope\":\"GLOBAL\",\"tokenOnWin\":\"ENFORCE\","
                + "\"tokenOnRollback\":\"ENFORCE\",\"partialRollbacks\":false,\"cancelAfterSettle\":\"REJECT\",\"creditAfterCancel\":false}";
        String mixed = "old-mix-" + UUID.randomUUID().toString().substring(0, 6);
        String legacy = "old-gw-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)"
                + " VALUES (?, 'EVOLUTION', ?, true, ARRAY['EUR'], ?::jsonb, '{\"apiToken\":\"evo-token-old-1\"}'::jsonb, '{}'::jsonb)", mixed, mixed, old);
        jdbc.update("INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)"
                + " VALUES (?, 'EVOLUTION', ?, true, ARRAY['EUR'], ?::jsonb, '{\"apiToken\":\"evo-token-old-2\"}'::jsonb,"
                + " '{\"gameWiseSettlement\":true}'::jsonb)", legacy, legacy, old);
        assertThat(registry.find(mixed).orElseThrow().policy().settlement()).isEqualTo(Settlement.MIXED);
        assertThat(registry.find(legacy).orElseThrow().policy().settlement()).isEqualTo(Settlement.GAMEWISE);

        // an operator update of such a provider's settings is not refused for the old key: the policy now says it
        ProviderConfig cur = registry.find(legacy).orElseThrow();
        var patched = patch("/operator/providers/" + legacy, "{\"version\":" + cur.version() + ",\"settings\":{\"casinoKey\":\"ck\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode j = json(patched.body());
        assertThat(j.get("settings").has("gameWiseSettlement")).isFalse();
        assertThat(j.get("policy").get("settlement").asText()).isEqualTo("GAMEWISE");
        assertThat(jdbc.queryForObject("SELECT policy->>'settlement' FROM provider WHERE id = ?", String.class, legacy)).isEqualTo("GAMEWISE");
    }

    @ParameterizedTest
    @EnumSource(ProviderProtocol.class)
    void the_conformance_kit_passes_for_a_game_wise_provider_of_every_protocol(ProviderProtocol protocol) {
        TestProvider p = gameWise(protocol);
        ConformanceKit.Report report = kit.run(p.id(), new ConformanceKit.SandboxCredentials(providerPrivatePem()), this::send);
        String failures = report.results().stream().filter(r -> !r.passed())
                .map(r -> r.id() + ": " + r.problems() + " " + r.steps().stream().filter(st -> !st.passed())
                        .map(st -> "#" + st.index() + " " + st.problems()).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("failed scenarios").isEmpty();
        assertThat(report.passed()).isTrue();
        // S07C: the first credit settles and closes the round, further credits are refused whatever creditAfterSettle says
        ConformanceKit.ScenarioResult s07c = report.results().stream().filter(r -> r.id().equals("S07C")).findFirst().orElseThrow();
        assertThat(s07c.steps().get(2).actualBalance()).isEqualTo("110.00");
        assertThat(s07c.moneyTransactions()).isEqualTo(2);
        // S07R: a debit on the round the credit closed is refused in every protocol
        ConformanceKit.ScenarioResult s07r = report.results().stream().filter(r -> r.id().equals("S07R")).findFirst().orElseThrow();
        assertThat(s07r.steps().get(s07r.steps().size() - 1).actualBalance()).isEqualTo("95.00");
        assertLedgerBalanced();
    }

    private java.net.http.HttpResponse<String> patch(String path, String body) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + operatorToken())
                    .header("Idempotency-Key", "patch-" + UUID.randomUUID()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
