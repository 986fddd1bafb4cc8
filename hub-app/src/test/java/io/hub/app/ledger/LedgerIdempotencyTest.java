package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Idempotency on (source, scope, external id): a replay gets the stored answer byte for byte, a reused key with a
 * different request is a conflict that changes nothing, and concurrent duplicates apply once. The same through the
 * operator adjustments API ({@code Idempotency-Key}).
 */
class LedgerIdempotencyTest extends LedgerTestSupport {

    @Test
    void sameKeyAndSameRequestReplaysTheStoredResultByteForByteAndMovesTheBalanceOnce() {
        PlayerAccounts p = player("EUR", 10_000);
        String key = "idem-" + UUID.randomUUID();
        Counts before = counts();

        LedgerResult first = ledger.apply(bet(p, 250, key));
        Counts afterFirst = counts();
        LedgerResult second = ledger.apply(bet(p, 250, key));

        assertThat(first).isInstanceOf(LedgerResult.Applied.class);
        assertThat(second).isInstanceOf(LedgerResult.Replayed.class);
        assertThat(second.transactionId()).isEqualTo(first.transactionId());
        assertThat(second.resultJson()).isEqualTo(first.resultJson());
        String stored = jdbc.queryForObject("SELECT result::text FROM ledger_transaction WHERE id = ?", String.class, first.transactionId());
        assertThat(first.resultJson()).isEqualTo(stored);
        JsonNode result = json(first.resultJson());
        assertThat(result.get("transactionId").asText()).isEqualTo(first.transactionId().toString());
        assertThat(result.get("balanceMinor").asLong()).isEqualTo(9_750);

        assertThat(afterFirst).isEqualTo(before.plus(1, 2, 0));
        assertThat(counts()).isEqualTo(afterFirst);
        assertThat(cash(p)).isEqualTo(9_750);
        assertThat(accounts.balance(p.cash().id())[1]).as("balance version: funding and one bet").isEqualTo(2);
        assertLedgerBalanced();
    }

    @Test
    void aReplayDoesNotRebuildTheResultButReturnsTheStoredOne() {
        PlayerAccounts p = player("EUR", 1_000);
        String key = "idem-" + UUID.randomUUID();
        LedgerResult first = ledger.apply(bet(p, 100, key));
        LedgerCommand again = bet(p, 100, key);
        LedgerCommand sameRequestOtherAnswer = new LedgerCommand(again.key(), again.reason(), again.currency(), again.playerId(),
                again.legs(), again.canonicalRequest(), null, null, Map.of(), applied -> Map.of("never", "stored"));

        LedgerResult replay = ledger.apply(sameRequestOtherAnswer);

        assertThat(replay).isEqualTo(new LedgerResult.Replayed(first.transactionId(), first.resultJson()));
        assertThat(cash(p)).isEqualTo(900);
    }

    @Test
    void sameKeyWithADifferentRequestIsAConflictAndChangesNothing() {
        PlayerAccounts p = player("EUR", 10_000);
        String key = "idem-" + UUID.randomUUID();
        LedgerResult first = ledger.apply(bet(p, 250, key));
        Counts before = counts();
        long[] balanceBefore = accounts.balance(p.cash().id());

        assertThatThrownBy(() -> ledger.apply(bet(p, 300, key)))
                .isInstanceOf(IdempotencyConflictException.class)
                .extracting(e -> ((RejectedException) e).code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);

        assertThat(counts()).isEqualTo(before);
        assertThat(accounts.balance(p.cash().id())).containsExactly(balanceBefore);
        assertThat(cash(p)).isEqualTo(9_750);
        assertThat(ledger.find(bet(p, 250, key).key())).contains(new LedgerResult.Replayed(first.transactionId(), first.resultJson()));
        assertLedgerBalanced();
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyApplyOnceAndTheRestReplay() throws Exception {
        PlayerAccounts p = player("EUR", 10_000);
        String key = "idem-" + UUID.randomUUID();
        Counts before = counts();

        List<LedgerResult> results = concurrently(20, () -> ledger.apply(bet(p, 250, key)));

        assertThat(results.stream().filter(r -> r instanceof LedgerResult.Applied)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof LedgerResult.Replayed)).hasSize(19);
        assertThat(results.stream().map(LedgerResult::transactionId).distinct()).hasSize(1);
        assertThat(results.stream().map(LedgerResult::resultJson).distinct()).hasSize(1);
        assertThat(cash(p)).isEqualTo(9_750);
        assertThat(counts()).isEqualTo(before.plus(1, 2, 0));
        assertLedgerBalanced();
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyBetweenSystemAccountsApplyOnce() throws Exception {
        // no player account: nothing to lock first, so the duplicates meet at the unique key and replay from it
        AccountRef from = accounts.systemAccount(AccountType.ADJUSTMENT, "EUR", 0);
        AccountRef to = accounts.systemAccount(AccountType.HOUSE, "EUR", 0);
        IdempotencyKey key = new IdempotencyKey("test-system", "", UUID.randomUUID().toString());
        LedgerCommand cmd = new LedgerCommand(key, "TRANSFER", CurrencyUnit.of("EUR"), null, List.of(Leg.transfer(from, to, 700)),
                "system|700", null, null, Map.of(), applied -> Map.of("transactionId", applied.transactionId().toString(), "amountMinor", 700));
        Counts before = counts();

        List<LedgerResult> results = concurrently(20, () -> ledger.apply(cmd));

        assertThat(results.stream().filter(r -> r instanceof LedgerResult.Applied)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof LedgerResult.Replayed)).hasSize(19);
        assertThat(results.stream().map(LedgerResult::transactionId).distinct()).hasSize(1);
        assertThat(results.stream().map(LedgerResult::resultJson).distinct()).hasSize(1);
        assertThat(counts()).isEqualTo(before.plus(1, 2, 0));
        assertLedgerBalanced();
    }

    @Test
    void operatorAdjustmentReplayedWithTheSameKeyAndBodyAnswersTheStoredResponse() {
        PlayerAccounts p = player("EUR", 0);
        String op = operatorToken();
        String key = "adj-" + UUID.randomUUID();
        String body = "{\"direction\":\"CREDIT\",\"amount\":\"12.34\",\"reason\":\"goodwill\"}";

        HttpResponse<String> first = post("/operator/players/" + p.playerId() + "/adjustments", body, op, "Idempotency-Key", key);
        Counts afterFirst = counts();
        HttpResponse<String> second = post("/operator/players/" + p.playerId() + "/adjustments", body, op, "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).contains("false");
        // the hub's Idempotency-Key filter replays the stored answer: the first status and body, marked as a replay
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(second.body()).isEqualTo(first.body());
        JsonNode answer = json(first.body());
        assertThat(answer.get("playerId").asText()).isEqualTo(p.playerId().toString());
        assertThat(answer.get("direction").asText()).isEqualTo("CREDIT");
        assertThat(answer.get("amount").asText()).isEqualTo("12.34");
        assertThat(answer.get("balance").asText()).isEqualTo("12.34");
        assertThat(answer.get("currency").asText()).isEqualTo("EUR");
        assertThat(counts()).isEqualTo(afterFirst);
        assertThat(cash(p)).isEqualTo(1_234);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'ADJUSTMENT' AND target = ?", Long.class,
                "player:" + p.playerId())).isEqualTo(1);
    }

    @Test
    void operatorAdjustmentWithAReusedKeyAndAnotherBodyIsRefusedWith422() {
        PlayerAccounts p = player("EUR", 0);
        String op = operatorToken();
        String key = "adj-" + UUID.randomUUID();
        HttpResponse<String> first = post("/operator/players/" + p.playerId() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"10.00\",\"reason\":\"goodwill\"}", op, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        Counts before = counts();

        HttpResponse<String> other = post("/operator/players/" + p.playerId() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"10.01\",\"reason\":\"goodwill\"}", op, "Idempotency-Key", key);

        // draft-ietf-httpapi-idempotency-key-header: a key reused with another payload is 422
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(json(other.body()).get("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isEqualTo(1_000);
    }

    @Test
    void operatorAdjustmentWithoutAnIdempotencyKeyIsRefusedWith400() {
        PlayerAccounts p = player("EUR", 0);
        Counts before = counts();

        HttpResponse<String> r = postWithoutIdempotencyKey("/operator/players/" + p.playerId() + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"10.00\",\"reason\":\"goodwill\"}", operatorToken());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("MISSING_FIELD");
        assertThat(json(r.body()).get("message").asText()).isEqualTo("header Idempotency-Key is required");
        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isZero();
    }

    /** Runs {@code task} on {@code threads} threads released together; returns every result (fails on any exception). */
    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
