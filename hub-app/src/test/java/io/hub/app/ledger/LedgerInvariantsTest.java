package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The ledger's rules are enforced by the database itself (append-only triggers, deferred balance and
 * has-postings checks, composite currency foreign keys, the non-negative CHECK), and {@link LedgerCheck} finds
 * what was broken behind the constraints' back. Every tampering runs in a transaction that is rolled back, so
 * the ledger stays clean for the other tests.
 */
class LedgerInvariantsTest extends LedgerTestSupport {

    @Test
    void postingsAndTransactionsCannotBeUpdatedDeletedOrTruncated() {
        PlayerAccounts p = player("EUR", 5_000);
        UUID txId = jdbc.queryForObject("SELECT id FROM ledger_transaction WHERE player_id = ?", UUID.class, p.playerId());
        Counts before = counts();

        assertRefused("UPDATE posting SET amount_minor = amount_minor * 2 WHERE transaction_id = '" + txId + "'")
                .hasMessageContaining("ledger: posting is append-only (UPDATE refused)");
        assertRefused("DELETE FROM posting WHERE transaction_id = '" + txId + "'")
                .hasMessageContaining("ledger: posting is append-only (DELETE refused)");
        assertRefused("UPDATE ledger_transaction SET reason = 'TAMPERED' WHERE id = '" + txId + "'")
                .hasMessageContaining("ledger: ledger_transaction is append-only (UPDATE refused)");
        assertRefused("DELETE FROM ledger_transaction WHERE id = '" + txId + "'")
                .hasMessageContaining("ledger: ledger_transaction is append-only (DELETE refused)");
        assertRefused("TRUNCATE posting").hasMessageContaining("ledger: posting is append-only (TRUNCATE refused)");

        assertThat(sqlState(catchRefusal("DELETE FROM posting WHERE transaction_id = '" + txId + "'"))).isEqualTo("42501");
        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isEqualTo(5_000);
        assertLedgerBalanced();
    }

    @Test
    void anUnbalancedTransactionInsertedBySqlIsRefusedAtCommit() {
        AccountRef house = accounts.systemAccount(AccountType.HOUSE, "EUR", 0);
        AccountRef adjustment = accounts.systemAccount(AccountType.ADJUSTMENT, "EUR", 0);
        UUID id = UUID.randomUUID();
        Counts before = counts();

        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> {
            insertTransaction(id, "EUR");
            jdbc.update("INSERT INTO posting (transaction_id, account_id, currency, amount_minor) VALUES (?, ?, 'EUR', 100), (?, ?, 'EUR', -50)",
                    id, house.id(), id, adjustment.id());
            // each statement succeeded: the check is deferred to the commit
        }));

        assertThat(e).isInstanceOf(DataAccessException.class);
        assertThat(sqlState(e)).isEqualTo("23514");
        assertThat(rootMessage(e)).contains("ledger: transaction " + id + " is unbalanced (sum 50, 2 postings)");
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE id = ?", Long.class, id)).isZero();
    }

    @Test
    void aTransactionWithASinglePostingIsRefusedAtCommit() {
        AccountRef house = accounts.systemAccount(AccountType.HOUSE, "EUR", 0);
        UUID id = UUID.randomUUID();

        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> {
            insertTransaction(id, "EUR");
            jdbc.update("INSERT INTO posting (transaction_id, account_id, currency, amount_minor) VALUES (?, ?, 'EUR', 100)", id, house.id());
        }));

        assertThat(sqlState(e)).isEqualTo("23514");
        assertThat(rootMessage(e)).contains("ledger: transaction " + id + " is unbalanced (sum 100, 1 postings)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE id = ?", Long.class, id)).isZero();
    }

    @Test
    void aTransactionWithoutPostingsIsRefusedAtCommit() {
        UUID id = UUID.randomUUID();
        Counts before = counts();

        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> insertTransaction(id, "EUR")));

        assertThat(e).isInstanceOf(DataAccessException.class);
        assertThat(sqlState(e)).isEqualTo("23514");
        assertThat(rootMessage(e)).contains("ledger: transaction " + id + " has no postings");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPostingOnAnAccountOfAnotherCurrencyIsRefused() {
        AccountRef eur = accounts.systemAccount(AccountType.HOUSE, "EUR", 0);
        AccountRef usd = accounts.systemAccount(AccountType.HOUSE, "USD", 0);
        UUID id = UUID.randomUUID();
        Counts before = counts();

        // a EUR posting on a USD account: (account_id, currency) matches no account
        Throwable onUsdAccount = catchThrowable(() -> tx.executeWithoutResult(s -> {
            insertTransaction(id, "EUR");
            jdbc.update("INSERT INTO posting (transaction_id, account_id, currency, amount_minor) VALUES (?, ?, 'EUR', 100), (?, ?, 'EUR', -100)",
                    id, eur.id(), id, usd.id());
        }));
        // a USD posting in a EUR transaction: (transaction_id, currency) matches no transaction
        Throwable inEurTransaction = catchThrowable(() -> tx.executeWithoutResult(s -> {
            insertTransaction(id, "EUR");
            jdbc.update("INSERT INTO posting (transaction_id, account_id, currency, amount_minor) VALUES (?, ?, 'USD', 100), (?, ?, 'USD', -100)",
                    id, usd.id(), id, usd.id());
        }));

        assertThat(sqlState(onUsdAccount)).isEqualTo("23503");
        assertThat(rootMessage(onUsdAccount)).contains("posting_account");
        assertThat(sqlState(inEurTransaction)).isEqualTo("23503");
        assertThat(rootMessage(inEurTransaction)).contains("posting_transaction");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theLedgerRefusesACommandMixingCurrenciesBeforeTouchingTheDatabase() {
        PlayerAccounts p = player("EUR", 1_000);
        AccountRef usdHouse = accounts.systemAccount(AccountType.HOUSE, "USD", 0);

        assertThatThrownBy(() -> new LedgerCommand(new IdempotencyKey("test", "", UUID.randomUUID().toString()), "BET",
                io.hub.contracts.money.CurrencyUnit.of("EUR"), p.playerId(), java.util.List.of(Leg.transfer(p.cash(), usdHouse, 100)),
                "mixed", null, null, null, a -> "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("posting on a USD account in a EUR transaction");
    }

    @Test
    void aPlayerAccountCannotGoNegative() {
        PlayerAccounts p = player("EUR", 1_000);

        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s ->
                jdbc.update("UPDATE account SET balance_minor = -1 WHERE id = ?", p.cash().id())));

        assertThat(sqlState(e)).isEqualTo("23514");
        assertThat(rootMessage(e)).contains("account_player_non_negative");
        assertThat(cash(p)).isEqualTo(1_000);
    }

    @Test
    void aPlayerReceivableCanOnlyHoldWhatThePlayerOwesNeverACredit() {
        PlayerAccounts p = player("EUR", 1_000);
        AccountRef clearing = accounts.systemAccount(AccountType.PSP_CLEARING, "EUR", 0);
        // a chargeback of 15.00 against 10.00 of cash: 10.00 from cash, 5.00 owed on the receivable, in one transaction
        AccountRef receivable = tx.execute(s -> {
            AccountRef r = accounts.openReceivable(p.playerId(), "EUR");
            ledger.apply(new LedgerCommand(new IdempotencyKey("test", "", "cb-" + p.playerId()), "DEPOSIT_CHARGED_BACK",
                    io.hub.contracts.money.CurrencyUnit.of("EUR"), p.playerId(),
                    java.util.List.of(new Leg(p.cash(), -1_000), new Leg(r, -500), new Leg(clearing, 1_500)), "cb", null, null, null, a -> "x"));
            return r;
        });
        assertThat(accounts.openReceivable(p.playerId(), "EUR")).isEqualTo(receivable);
        assertThat(jdbc.queryForObject("SELECT balance_minor FROM account WHERE id = ?", Long.class, receivable.id())).isEqualTo(-500);
        assertThat(accounts.owedMinor(p.playerId())).isEqualTo(500);
        assertThat(cash(p)).isZero();
        assertLedgerBalanced();

        // collecting 6.00 of the 5.00 owed is refused by the ledger before the database
        ledger.apply(fund(p, 600, "refund-cash-" + p.playerId()));
        assertThatThrownBy(() -> ledger.apply(new LedgerCommand(new IdempotencyKey("test", "", "over-" + p.playerId()), "RECEIVABLE_REPAID",
                io.hub.contracts.money.CurrencyUnit.of("EUR"), p.playerId(), java.util.List.of(Leg.transfer(p.cash(), receivable, 600)),
                "over", null, null, null, a -> "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLAYER_RECEIVABLE) would go positive: 100");
        // and by the database behind its back
        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s ->
                jdbc.update("UPDATE account SET balance_minor = 1 WHERE id = ?", receivable.id())));
        assertThat(sqlState(e)).isEqualTo("23514");
        assertThat(rootMessage(e)).contains("account_receivable_non_positive");
        assertThat(accounts.owedMinor(p.playerId())).isEqualTo(500);
        assertLedgerBalanced();
    }

    @Test
    void anIdempotencyKeyCannotBeStoredTwice() {
        PlayerAccounts p = player("EUR", 1_000);
        String key = "fund-" + p.playerId();

        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO ledger_transaction (id, reason, source, scope, external_id, request_hash, result, currency) "
                        + "VALUES (?, 'ADJUSTMENT', 'test', '', ?, '\\x00'::bytea, '{}'::json, 'EUR')", UUID.randomUUID(), key)));

        assertThat(sqlState(e)).isEqualTo("23505");
        assertThat(rootMessage(e)).contains("ledger_transaction_idempotency");
    }

    @Test
    void ledgerCheckNamesACashAccountWhoseCachedBalanceDisagreesWithItsPostings() {
        PlayerAccounts p = player("EUR", 2_500);
        AtomicReference<LedgerCheck.Report> tampered = new AtomicReference<>();

        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE account SET balance_minor = balance_minor + 1 WHERE id = ?", p.cash().id());
            tampered.set(ledgerCheck.run()); // joins this transaction, so it sees the tampered row
            s.setRollbackOnly();
        });

        assertThat(tampered.get().balanced()).isFalse();
        assertThat(tampered.get().problems())
                .containsExactly("account " + p.cash().id() + " (PLAYER_CASH) cached balance 2501 but postings sum to 2500");
        assertThat(cash(p)).isEqualTo(2_500);
        assertLedgerBalanced();
    }

    @Test
    void ledgerCheckFindsAHeldBalanceWithoutPendingHolds() {
        PlayerAccounts p = player("EUR", 2_500);
        AtomicReference<LedgerCheck.Report> tampered = new AtomicReference<>();

        tx.executeWithoutResult(s -> {
            jdbc.update("UPDATE account SET balance_minor = 300 WHERE id = ?", p.held().id());
            tampered.set(ledgerCheck.run());
            s.setRollbackOnly();
        });

        assertThat(tampered.get().problems()).containsExactlyInAnyOrder(
                "account " + p.held().id() + " (PLAYER_HELD) cached balance 300 but postings sum to 0",
                "held account " + p.held().id() + " holds 300 but pending holds sum to 0");
        assertLedgerBalanced();
    }

    @Test
    void ledgerCheckFindsUnbalancedPostingsSlippedPastTheTriggers() {
        AccountRef house = accounts.systemAccount(AccountType.HOUSE, "GBP", 0);
        AccountRef adjustment = accounts.systemAccount(AccountType.ADJUSTMENT, "GBP", 0);
        UUID id = UUID.randomUUID();
        AtomicReference<LedgerCheck.Report> tampered = new AtomicReference<>();

        tx.executeWithoutResult(s -> {
            jdbc.execute("SET LOCAL session_replication_role = replica"); // a superuser switching triggers off
            insertTransaction(id, "GBP");
            jdbc.update("INSERT INTO posting (transaction_id, account_id, currency, amount_minor) VALUES (?, ?, 'GBP', 700), (?, ?, 'GBP', -500)",
                    id, house.id(), id, adjustment.id());
            tampered.set(ledgerCheck.run());
            s.setRollbackOnly();
        });

        assertThat(tampered.get().balanced()).isFalse();
        assertThat(tampered.get().problems()).containsExactlyInAnyOrder(
                "transaction " + id + " postings sum to 200 over 2 postings",
                "currency GBP postings sum to 200");
        assertLedgerBalanced();
    }

    private void insertTransaction(UUID id, String currency) {
        jdbc.update("INSERT INTO ledger_transaction (id, reason, source, scope, external_id, request_hash, result, currency) "
                + "VALUES (?, 'RAW', 'test-raw', '', ?, '\\x00'::bytea, '{}'::json, ?)", id, id.toString(), currency);
    }

    /** Runs the statement in a transaction that is rolled back whatever happens; asserts it was refused. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String sql) {
        Throwable e = catchRefusal(sql);
        assertThat(e).as(sql).isInstanceOf(DataAccessException.class);
        return assertThat(rootMessageThrowable(e));
    }

    private Throwable catchRefusal(String sql) {
        AtomicReference<Boolean> executed = new AtomicReference<>(false);
        Throwable e = catchThrowable(() -> tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            jdbc.execute(sql);
            executed.set(true);
        }));
        assertThat(executed.get()).as("%s was executed", sql).isFalse();
        return e;
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a refusal, but it succeeded");
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        throw new AssertionError("no SQLException in " + e, e);
    }

    private static Throwable rootMessageThrowable(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t;
    }

    private static String rootMessage(Throwable e) {
        return rootMessageThrowable(e).getMessage();
    }
}
