package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.Leg;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bets, wins and rollbacks for one player from two providers of different protocols (Hub88 and Evolution) arrive in
 * parallel and in a random order: wins may come before their bet, rollbacks before their bet. Every outcome is one
 * the protocols allow, the provider's retries of wins refused as "bet not found" then settle them, and the final
 * balance is exactly the sum of what the answers say was applied, with one ledger transaction per applied money
 * move and a clean ledger check.
 */
class WalletConcurrencyTest extends ProviderWalletTestSupport {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    private static final int ROUNDS = 24;

    private record Op(TestProvider p, String op, String tx, String ref, String round, long amountMinor) {
    }

    @Test
    void parallel_out_of_order_callbacks_from_two_providers_give_an_exact_balance() throws Exception {
        TestProvider hub88 = provider(ProviderProtocol.HUB88);
        TestProvider evo = provider(ProviderProtocol.EVOLUTION);
        UUID player = newPlayer("EUR", "1000.00").id();
        String hubToken = sessions.issue(hub88.id(), player, "g", "EUR", io.hub.app.providers.ProviderSession.Mode.REAL).token();
        String evoToken = sessions.issue(evo.id(), player, "g", "EUR", io.hub.app.providers.ProviderSession.Mode.REAL).token();
        Map<String, String> tokens = Map.of(hub88.id(), hubToken, evo.id(), evoToken);

        List<Op> ops = new ArrayList<>();
        String k = UUID.randomUUID().toString().substring(0, 6);
        for (TestProvider p : List.of(hub88, evo)) {
            for (int i = 0; i < ROUNDS; i++) {
                String bet = p.id() + "-b" + i + k;
                long stake = 100L * (i + 1);
                ops.add(new Op(p, "bet", bet, null, "r" + i + k, stake));
                if (i % 3 == 0) ops.add(new Op(p, "win", p.id() + "-w" + i + k, bet, "r" + i + k, 2 * stake + 7));
                if (i % 3 == 1) ops.add(new Op(p, "rollback", p.id() + "-rb" + i + k, bet, "r" + i + k, 0));
            }
        }
        Collections.shuffle(ops, new Random(42));
        Map<Op, ProviderCallbackAnswer> answers = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ProviderCallbackAnswer>> futures = new ArrayList<>();
            for (Op o : ops) futures.add(pool.submit(() -> send(o, tokens, player)));
            for (int i = 0; i < ops.size(); i++) answers.put(ops.get(i), futures.get(i).get());
        } finally {
            pool.shutdown();
        }

        // the provider retries wins that found no bet yet (they are retried until success, providers.md §2)
        for (Op o : ops) {
            if (o.op().equals("win") && status(o, answers.get(o)).equals(expected(o, "TRANSACTION_NOT_FOUND"))) {
                answers.put(o, send(o, tokens, player));
            }
        }

        Map<String, Op> bets = new HashMap<>();
        for (Op o : ops) if (o.op().equals("bet")) bets.put(o.tx(), o);
        long expected = 100_000;
        long moves = 0;
        for (Op o : ops) {
            String st = status(o, answers.get(o));
            boolean ok = st.equals(expected(o, "OK"));
            Op bet = o.ref() == null ? null : bets.get(o.ref());
            boolean betOk = bet != null && status(bet, answers.get(bet)).equals(expected(bet, "OK"));
            switch (o.op()) {
                case "bet":
                    // a bet is applied, or refused because its rollback came first (tombstone)
                    assertThat(st).as(o.tx()).isIn(expected(o, "OK"), expected(o, "TRANSACTION_ROLLED_BACK"));
                    if (ok) {
                        expected -= o.amountMinor();
                        moves++;
                    }
                    break;
                case "win":
                    // after the retry every win of an applied bet is paid
                    assertThat(ok).as("win %s of bet applied=%s: %s", o.tx(), betOk, st).isEqualTo(betOk);
                    if (ok) {
                        expected += o.amountMinor();
                        moves++;
                    }
                    break;
                default:
                    // unknown rollback: Hub88 answers OK (tombstone), Evolution BET_DOES_NOT_EXIST; either way the bet is then refused
                    if (betOk) {
                        assertThat(ok).as("rollback after its bet " + o.tx()).isTrue();
                        expected += bet.amountMinor();
                        moves++;
                    } else {
                        assertThat(st).isIn(expected(o, "OK"), expected(o, "TRANSACTION_NOT_FOUND"));
                    }
            }
        }
        assertThat(cashMinor(player)).isEqualTo(expected);
        assertThat(providerTransactions(player)).isEqualTo(moves);
        assertThat(moves).isGreaterThan(ROUNDS);
        assertLedgerBalanced();
    }

    private ProviderCallbackAnswer send(Op o, Map<String, String> tokens, UUID player) {
        return send(o.p().driver().render(new ProtocolDriver.Call(o.op(), o.p().id(), player.toString(), tokens.get(o.p().id()),
                o.tx(), o.ref(), o.round(), o.amountMinor() == 0 ? null : Money.ofMinor(o.amountMinor(), EUR), false,
                UUID.randomUUID().toString())));
    }

    private static String status(Op o, ProviderCallbackAnswer a) {
        return o.p().driver().actualStatus(a);
    }

    @Autowired
    private Ledger ledger;
    @Autowired
    private TransactionTemplate tx;

    /**
     * A provider bet serialises with any other money path of the player (a lobby spin, a deposit, an adjustment): while
     * another transaction holds the player's cash row it waits, and it is then decided, recorded and answered on the
     * balance that transaction committed.
     */
    @Test
    void a_provider_bet_waits_for_another_money_transaction_of_the_player_and_sees_its_result() throws Exception {
        TestProvider hub88 = provider(ProviderProtocol.HUB88);
        Seat s = seat(hub88, "10.00");
        AccountRef cash = accounts.player(s.playerId()).orElseThrow().cash();
        AccountRef adjustments = accounts.systemAccount(AccountType.ADJUSTMENT, "EUR", 0);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> other = pool.submit(() -> tx.executeWithoutResult(status -> {
                ledger.lockBalances(List.of(cash));
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ledger.apply(new LedgerCommand(new IdempotencyKey("test", "", "credit-" + UUID.randomUUID()), "ADJUSTMENT", EUR, s.playerId(),
                        List.of(Leg.transfer(adjustments, cash, 500)), "credit|500", null, null, Map.of(), a -> Map.of()));
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ProviderCallbackAnswer> bet = pool.submit(() -> call(hub88, "bet", s, s.token(), "lockbet-" + UUID.randomUUID(), null,
                    "lockround", "1.00", false));
            Thread.sleep(400);
            assertThat(bet.isDone()).as("the bet waits for the transaction holding the player's cash").isFalse();

            release.countDown();
            other.get(30, TimeUnit.SECONDS);
            ProviderCallbackAnswer answer = bet.get(30, TimeUnit.SECONDS);

            assertThat(hub88.driver().actualStatus(answer)).isEqualTo(hub88.driver().expectedStatus("OK"));
            assertThat(hub88.driver().responseBalance(answer, EUR)).isEqualTo(Money.ofMinor(1_400, EUR));
            assertThat(cashMinor(s.playerId())).isEqualTo(1_400);
            assertThat(jdbc.queryForObject("SELECT balance_minor FROM provider_transaction WHERE player_id = ? AND kind = 'BET'", Long.class,
                    s.playerId())).as("the bet's stored answer is computed on the committed credit").isEqualTo(1_400);
            assertLedgerBalanced();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static String expected(Op o, String canonical) {
        return o.p().driver().expectedStatus(canonical);
    }
}
