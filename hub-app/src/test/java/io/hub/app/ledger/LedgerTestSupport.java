package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.player.UserDirectory;
import io.hub.contracts.money.CurrencyUnit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Helpers for the ledger tests: players created and funded through the beans (no HTTP login, so the login rate
 * limits are not spent), bets and holds as {@link LedgerCommand}s, balances and row counts read from the database.
 */
public abstract class LedgerTestSupport extends HubIntegrationTest {
    private static volatile String operatorToken;
    private static volatile long operatorTokenAt;

    @Autowired
    protected Ledger ledger;
    @Autowired
    protected AccountDirectory accounts;
    @Autowired
    protected UserDirectory users;
    @Autowired
    protected TransactionTemplate tx;

    /**
     * One operator login per test JVM (refreshed after 10 minutes; tokens live 15): the login limits are 10 per
     * user and 60 per address per minute, shared by every test class in the JVM.
     */
    @Override
    protected String operatorToken() {
        if (operatorToken == null || System.currentTimeMillis() - operatorTokenAt > 600_000) {
            operatorToken = super.operatorToken();
            operatorTokenAt = System.currentTimeMillis();
        }
        return operatorToken;
    }

    /** A new player with a wallet in {@code currency}, credited {@code fundMinor} (none if 0) by an ADJUSTMENT. */
    protected PlayerAccounts player(String currency, long fundMinor) {
        String username = "l-" + UUID.randomUUID().toString().substring(0, 12);
        UUID id = users.createPlayer(username, "pw-" + username, currency, null).id();
        PlayerAccounts p = accounts.player(id).orElseThrow();
        if (fundMinor > 0) assertThat(ledger.apply(fund(p, fundMinor, "fund-" + id))).isInstanceOf(LedgerResult.Applied.class);
        return p;
    }

    /** A credit of the player's cash from the ADJUSTMENT account. */
    protected LedgerCommand fund(PlayerAccounts p, long minor, String externalId) {
        AccountRef counter = accounts.systemAccount(AccountType.ADJUSTMENT, p.currency(), 0);
        return new LedgerCommand(new IdempotencyKey("test", "", externalId), "ADJUSTMENT", CurrencyUnit.of(p.currency()),
                p.playerId(), List.of(Leg.transfer(counter, p.cash(), minor)), "fund|" + p.playerId() + "|" + minor, null, null,
                Map.of("reason", "test funding"), applied -> resultOf(applied, p));
    }

    /** A bet: the player's cash to the player's HOUSE shard, keyed (test-bet, player id, externalId). */
    protected LedgerCommand bet(PlayerAccounts p, long minor, String externalId) {
        return new LedgerCommand(new IdempotencyKey("test-bet", p.playerId().toString(), externalId), "BET",
                CurrencyUnit.of(p.currency()), p.playerId(), List.of(Leg.transfer(p.cash(), house(p), minor)),
                "bet|" + minor + "|" + p.currency(), null, null, Map.of("externalId", externalId), applied -> resultOf(applied, p));
    }

    /** A pending hold: cash to held, expiring after {@code timeout}. */
    protected LedgerCommand hold(PlayerAccounts p, long minor, String externalId, Duration timeout) {
        return new LedgerCommand(new IdempotencyKey("test-hold", p.playerId().toString(), externalId), "BET_RESERVED",
                CurrencyUnit.of(p.currency()), p.playerId(), List.of(Leg.transfer(p.cash(), p.held(), minor)),
                "hold|" + minor, timeout, null, Map.of(), applied -> Map.of("holdId", applied.transactionId().toString()));
    }

    /** Posts a hold: held to the HOUSE shard. */
    protected LedgerCommand postHold(PlayerAccounts p, UUID holdId, long minor, String externalId) {
        return new LedgerCommand(new IdempotencyKey("test-hold", p.playerId().toString(), externalId), "SPIN_SETTLED",
                CurrencyUnit.of(p.currency()), p.playerId(), List.of(Leg.transfer(p.held(), house(p), minor)),
                "post|" + holdId, null, holdId, Map.of(), applied -> Map.of("posted", holdId.toString()));
    }

    /** Voids a hold: held back to cash. */
    protected LedgerCommand voidHold(PlayerAccounts p, UUID holdId, long minor, String externalId) {
        return new LedgerCommand(new IdempotencyKey("test-hold", p.playerId().toString(), externalId), "BET_HOLD_VOIDED",
                CurrencyUnit.of(p.currency()), p.playerId(), List.of(Leg.transfer(p.held(), p.cash(), minor)),
                "void|" + holdId, null, holdId, Map.of(), applied -> Map.of("voided", holdId.toString()));
    }

    protected AccountRef house(PlayerAccounts p) {
        return accounts.systemAccount(AccountType.HOUSE, p.currency(), p.cash().id());
    }

    /** A stored result with keys in a non-alphabetical order, so a re-serialisation would show. */
    private static Map<String, Object> resultOf(LedgerResult.Applied applied, PlayerAccounts p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", applied.transactionId().toString());
        m.put("playerId", p.playerId().toString());
        m.put("balanceMinor", applied.balances().get(p.cash().id()).balanceMinor());
        return m;
    }

    protected long cash(PlayerAccounts p) {
        return accounts.balance(p.cash().id())[0];
    }

    protected long held(PlayerAccounts p) {
        return accounts.balance(p.held().id())[0];
    }

    /**
     * Row counts of the ledger tables. (The outbox is left out: the relay deletes published rows at any moment. A
     * transaction's outbox row is written by the same statement as the transaction; OutboxTest checks that with the
     * relay suspended.)
     */
    protected record Counts(long transactions, long postings, long pendingHolds) {
        public Counts plus(long transactions, long postings, long pendingHolds) {
            return new Counts(this.transactions + transactions, this.postings + postings, this.pendingHolds + pendingHolds);
        }
    }

    protected Counts counts() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM ledger_transaction), (SELECT count(*) FROM posting), "
                        + "(SELECT count(*) FROM pending_hold)",
                (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** Ledger transactions of the player. */
    protected long transactionsOf(PlayerAccounts p) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ?", Long.class, p.playerId());
    }
}
