package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads spending one wallet at once: exactly as many bets succeed as the balance pays for, every other
 * attempt is refused with INSUFFICIENT_FUNDS, the balance ends at exactly zero and never goes below it.
 */
class LedgerConcurrencyTest extends LedgerTestSupport {
    private static final int BETS_FUNDED = 40;
    private static final long BET_MINOR = 250; // 2.50 EUR
    private static final int THREADS = 32;

    @Test
    void thirtyTwoThreadsBettingOneWalletSpendExactlyTheBalanceAndNoMore() throws Exception {
        PlayerAccounts p = player("EUR", BETS_FUNDED * BET_MINOR); // 100.00 EUR
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> balancesSeen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                // bet until refused: nothing credits this wallet, so once refused, always refused
                for (int i = 0; ; i++) {
                    try {
                        LedgerResult r = ledger.apply(bet(p, BET_MINOR, "c-" + thread + "-" + i));
                        assertThat(r).isInstanceOf(LedgerResult.Applied.class);
                        balancesSeen.add(((LedgerResult.Applied) r).balances().get(p.cash().id()).balanceMinor());
                        applied.incrementAndGet();
                    } catch (RejectedException e) {
                        if (e.code() == RejectionCode.INSUFFICIENT_FUNDS) refused.incrementAndGet();
                        else unexpected.add(e);
                        return null;
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return null;
                    }
                }
            }));
        }
        go.countDown();
        try {
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(applied.get()).isEqualTo(BETS_FUNDED);
        assertThat(refused.get()).as("each thread stops at its first refusal").isEqualTo(THREADS);
        assertThat(cash(p)).isZero();
        assertThat(accounts.balance(p.cash().id())[1]).as("balance version: funding + 40 bets").isEqualTo(1 + BETS_FUNDED);
        // every applied bet saw a distinct balance: 97.50, 95.00, ..., 0.00
        assertThat(balancesSeen).hasSize(BETS_FUNDED).doesNotHaveDuplicates().allSatisfy(b -> assertThat(b).isBetween(0L, 9_750L));
        assertThat(transactionsOf(p)).isEqualTo(1 + BETS_FUNDED);
        assertThat(jdbc.queryForObject("SELECT coalesce(sum(p.amount_minor), 0) FROM posting p JOIN ledger_transaction t "
                + "ON t.id = p.transaction_id WHERE t.player_id = ? AND p.account_id = ?", Long.class, p.playerId(), house(p).id()))
                .isEqualTo(BETS_FUNDED * BET_MINOR);
        // every applied bet reached Kafka once, keyed by the wallet
        String key = Long.toString(p.cash().id());
        var records = readWalletTopic(rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 1 + BETS_FUNDED);
        assertThat(records.stream().filter(r -> key.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8)).distinct())
                .hasSize(1 + BETS_FUNDED);
        assertLedgerBalanced();
    }

    @Test
    void concurrentLobbySpinsFromFourSocketsOfOnePlayerNeverOverdrawTheWallet() throws Exception {
        int sockets = 4;
        int spinsPerSocket = 8; // 32 spins in all: under the 100 spins/s per-player limit even if all land in one second
        TestPlayer player = newPlayer("EUR", "5.00");
        PlayerAccounts p = accounts.player(player.id()).orElseThrow();
        Tokens tokens = login(player.username(), player.password());
        List<Lobby> lobbies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(sockets);
        try {
            lobbies.add(openLobby(tokens.wsToken()));
            for (int i = 1; i < sockets; i++) {
                HttpResponse<String> ws = post("/auth/ws-token", "", tokens.accessToken());
                assertThat(ws.statusCode()).as(ws.body()).isEqualTo(200);
                lobbies.add(openLobby(json(ws.body()).get("wsToken").asText()));
            }
            ConcurrentLinkedQueue<JsonNode> seen = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<JsonNode>>> futures = new ArrayList<>();
            for (int s = 0; s < sockets; s++) {
                Lobby lobby = lobbies.get(s);
                int socket = s;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<JsonNode> replies = new ArrayList<>();
                    for (int i = 0; i < spinsPerSocket; i++) {
                        String rid = "ws-" + socket + "-" + i + "-" + UUID.randomUUID();
                        lobby.send("{\"action\":\"spin\",\"gameId\":\"red-white-blue\",\"bet\":\"1.00\",\"requestId\":\"" + rid + "\"}");
                        replies.add(replyKeepingFrames(lobby, rid, seen));
                    }
                    return replies;
                }));
            }
            go.countDown();
            List<JsonNode> replies = new ArrayList<>();
            for (Future<List<JsonNode>> f : futures) replies.addAll(f.get(90, TimeUnit.SECONDS));

            int won = 0;
            int refused = 0;
            BigDecimal payouts = BigDecimal.ZERO;
            for (JsonNode r : replies) {
                if (r.get("type").asText().equals("spinResult")) {
                    won++;
                    payouts = payouts.add(new BigDecimal(r.get("payout").asText()));
                    assertThat(new BigDecimal(r.get("balance").asText())).as(r.toString()).isNotNegative();
                } else {
                    assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("error");
                    assertThat(r.get("code").asText()).as(r.toString()).isEqualTo("INSUFFICIENT_FUNDS");
                    refused++;
                }
            }
            assertThat(won + refused).isEqualTo(sockets * spinsPerSocket);
            assertThat(won).as("a refusal needs less than 1.00 in cash, so at least five bets were reserved").isGreaterThanOrEqualTo(5);
            // every balance any socket was shown (answers and pushes) is non-negative
            lobbies.forEach(l -> seen.addAll(l.frames.stream().map(HubIntegrationTest::json).toList()));
            assertThat(seen.stream().filter(j -> j.has("balance"))).hasSizeGreaterThanOrEqualTo(won)
                    .allSatisfy(j -> assertThat(new BigDecimal(j.get("balance").asText())).as(j.toString()).isNotNegative());
            long expectedMinor = new BigDecimal("5.00").subtract(BigDecimal.valueOf(won)).add(payouts).movePointRight(2).longValueExact();
            assertThat(cash(p)).isEqualTo(expectedMinor);
            assertThat(held(p)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_hold WHERE player_id = ?", Long.class, p.playerId())).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round WHERE player_id = ?", Long.class, p.playerId())).isEqualTo(won);
            assertThat(transactionsOf(p)).as("funding + hold and settle per spin").isEqualTo(1 + 2L * won);
            assertLedgerBalanced();
        } finally {
            pool.shutdownNow();
            lobbies.forEach(Lobby::close);
        }
    }

    /** The answer to {@code requestId}; every frame read on the way (balance pushes too) is added to {@code seen}. */
    private static JsonNode replyKeepingFrames(Lobby lobby, String requestId, ConcurrentLinkedQueue<JsonNode> seen)
            throws InterruptedException {
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
            String f = lobby.frames.poll(end - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (f == null) break;
            JsonNode j = json(f);
            seen.add(j);
            if (requestId.equals(j.path("requestId").asText(null))) return j;
        }
        throw new AssertionError("no reply for " + requestId);
    }
}
