package io.hub.app.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.events.Outbox;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies {@link LedgerCommand}s: one database transaction per command holding the postings, the transaction
 * row with its idempotency key, request hash and stored result, the pending-hold bookkeeping, the cached
 * balances of the player accounts touched, and the outbox row for Kafka.
 *
 * <p>Round trips: one to lock the player accounts, one statement (a chain of data-modifying CTEs) that writes the
 * transaction, balances, postings, hold bookkeeping and outbox row only if the idempotency key is new, and the
 * commit; the stored answer is read back only for a replay.
 *
 * <p>Concurrency: the tracked (player) accounts of a command are locked in ascending id order before the
 * idempotency check, so two requests with the same key for the same player serialise and the second one sees
 * the first one's stored result; system accounts (house shards, clearing) are never locked or updated, so
 * there is no hot row on the write path.
 *
 * <p>Errors: {@link RejectedException} INSUFFICIENT_FUNDS when a player's cash would go negative (an
 * {@link IllegalStateException} when a held account would go negative or a receivable positive, see
 * {@link AccountType#allows});
 * {@link IdempotencyConflictException} for a reused key with a different request; {@link HoldNotPendingException}
 * when resolving a hold that is not pending. Each leaves the database unchanged.
 */
@Service
public class Ledger {
    /** CloudEvents type of a ledger transaction on the wallet topic. */
    public static final String EVENT_TYPE = "io.hub.wallet.transaction.v1";
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String walletTopic;
    private final AccountDirectory accounts;

    public Ledger(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, AccountDirectory accounts,
                  @Value("${hub.kafka.wallet-topic:wallet.transactions}") String walletTopic) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.walletTopic = walletTopic;
    }

    /**
     * Applies the command once. Joins the caller's transaction if there is one (so a caller can add its own rows
     * atomically), else runs in its own.
     */
    public LedgerResult apply(LedgerCommand cmd) {
        byte[] hash = sha256(cmd.canonicalRequest());
        try {
            return tx.execute(status -> applyInTransaction(cmd, hash));
        } catch (DuplicateKeyException e) {
            // Only reachable for commands without a player account (nothing to lock): the same key committed
            // concurrently. Our attempt rolled back; answer from the committed row (or apply again if that one
            // rolled back). Inside a caller's transaction the caller sees the exception and retries as a whole.
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) throw e;
            LedgerResult committed = tx.execute(status -> findExisting(cmd.key(), hash));
            return committed != null ? committed : tx.execute(status -> applyInTransaction(cmd, hash));
        }
    }

    private LedgerResult applyInTransaction(LedgerCommand cmd, byte[] hash) {
        // 1. lock the tracked accounts, ascending id (fixed lock order: no deadlock between bet, win and holds),
        //    reading their balances; system accounts are neither locked nor updated
        Map<Long, Long> deltas = new TreeMap<>();
        for (Leg leg : cmd.legs()) {
            if (leg.account().type().tracked()) deltas.merge(leg.account().id(), leg.amountMinor(), Math::addExact);
        }
        Map<Long, long[]> lockedBefore = lockedInThisTransaction();
        Map<Long, long[]> locked = new TreeMap<>();
        List<Long> toLock = new ArrayList<>();
        for (Long accountId : deltas.keySet()) {
            long[] known = lockedBefore.get(accountId);
            if (known != null) locked.put(accountId, known);
            else toLock.add(accountId);
        }
        if (!toLock.isEmpty()) lockAccounts(toLock, locked::put);

        // 2. funds: no player cash or held account may go negative, no receivable positive (AccountType.allows; pending
        //    holds already sit in PLAYER_HELD). A refused command
        //    may still be the replay of one that was applied when the funds were there: answer that first.
        Map<Long, LedgerResult.Balance> after = new LinkedHashMap<>();
        RuntimeException refusal = null;
        for (var d : deltas.entrySet()) {
            long[] cur = locked.get(d.getKey());
            if (cur == null) throw new IllegalStateException("account " + d.getKey() + " does not exist");
            long next;
            try {
                next = Math.addExact(cur[0], d.getValue());
            } catch (ArithmeticException e) {
                throw new RejectedException(RejectionCode.INVALID_AMOUNT, "the balance would exceed the largest amount the ledger holds");
            }
            if (refusal == null) {
                AccountType type = typeOf(cmd, d.getKey());
                if (!type.allows(next)) {
                    refusal = type == AccountType.PLAYER_CASH ? new RejectedException(RejectionCode.INSUFFICIENT_FUNDS)
                            : new IllegalStateException("account " + d.getKey() + " (" + type + ") would go "
                            + (next < 0 ? "negative" : "positive") + ": " + next);
                }
            }
            after.put(d.getKey(), new LedgerResult.Balance(d.getKey(), next, cur[1] + 1));
        }
        if (refusal != null) {
            LedgerResult existing = findExisting(cmd.key(), hash);
            if (existing != null) return existing;
            // resolving a hold that was already posted or voided drains the held account: report the real reason
            if (cmd.resolvesHold() != null && !isPending(cmd.resolvesHold())) throw new HoldNotPendingException(cmd.resolvesHold());
            throw refusal;
        }

        // 3. one statement: the transaction row (guarded by the idempotency key), balances, postings, hold
        //    bookkeeping and the outbox row; nothing but the guard runs if the key exists already
        UUID id = Uuids.v7();
        Instant now = Instant.now();
        Object resultObject = cmd.result().apply(new LedgerResult.Applied(id, null, Map.copyOf(after), null));
        String resultJson = toJson(resultObject);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH t AS (INSERT INTO ledger_transaction (id, reason, source, scope, external_id, "
                + "request_hash, result, currency, player_id, resolves_hold, metadata, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?::json, ?) "
                + "ON CONFLICT ON CONSTRAINT ledger_transaction_idempotency DO NOTHING RETURNING id, result)");
        args.addAll(Arrays.asList(id, cmd.reason(), cmd.key().source(), cmd.key().scope(), cmd.key().externalId(), hash,
                resultJson, cmd.currency().code(), cmd.playerId(), cmd.resolvesHold(), toJson(cmd.metadata()), Timestamp.from(now)));
        if (!deltas.isEmpty()) {
            sql.append(", u AS (UPDATE account SET balance_minor = account.balance_minor + d.delta, "
                    + "balance_version = account.balance_version + 1 FROM (VALUES ");
            int i = 0;
            for (var d : deltas.entrySet()) {
                sql.append(i++ == 0 ? "" : ", ").append("(?::bigint, ?::bigint)");
                args.add(d.getKey());
                args.add(d.getValue());
            }
            sql.append(") AS d(id, delta) WHERE account.id = d.id AND EXISTS (SELECT 1 FROM t) RETURNING 1)");
        }
        sql.append(", p AS (INSERT INTO posting (transaction_id, account_id, currency, amount_minor) SELECT t.id, v.a, ?, v.m FROM t, (VALUES ");
        args.add(cmd.currency().code());
        for (int i = 0; i < cmd.legs().size(); i++) {
            Leg leg = cmd.legs().get(i);
            sql.append(i == 0 ? "" : ", ").append("(?::bigint, ?::bigint)");
            args.add(leg.account().id());
            args.add(leg.amountMinor());
        }
        sql.append(") AS v(a, m) RETURNING 1)");
        if (cmd.holdTimeout() != null) {
            long held = cmd.legs().stream().filter(l -> l.account().type() == AccountType.PLAYER_HELD).mapToLong(Leg::amountMinor).sum();
            if (held <= 0 || cmd.playerId() == null) throw new IllegalArgumentException("a hold moves money into PLAYER_HELD");
            sql.append(", h AS (INSERT INTO pending_hold (hold_id, player_id, amount_minor, currency, expires_at, created_at) "
                    + "SELECT t.id, ?, ?, ?, ?, ? FROM t RETURNING 1)");
            args.addAll(Arrays.asList(cmd.playerId(), held, cmd.currency().code(), Timestamp.from(now.plus(cmd.holdTimeout())),
                    Timestamp.from(now)));
        }
        if (cmd.resolvesHold() != null) {
            sql.append(", r AS (DELETE FROM pending_hold WHERE hold_id = ? AND EXISTS (SELECT 1 FROM t) RETURNING 1)");
            args.add(cmd.resolvesHold());
        }
        if (cmd.companion() instanceof LedgerCommand.CompanionStatements cs) {
            for (int i = 0; i < cs.statements().size(); i++) sql.append(", c").append(i).append(" AS (").append(cs.statements().get(i)).append(')');
            args.addAll(cs.args());
        } else if (cmd.companion() instanceof LedgerCommand.Companion c) {
            List<String> cols = new ArrayList<>(c.columns());
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < c.values().size(); i++) {
                Object v = c.values().get(i);
                select.append(i == 0 ? "" : ", ").append(v instanceof JsonText ? "?::json" : "?");
                args.add(v instanceof JsonText j ? j.json() : v);
            }
            if (c.transactionIdColumn() != null) {
                cols.add(c.transactionIdColumn());
                select.append(select.length() == 0 ? "" : ", ").append("t.id");
            }
            sql.append(", c AS (INSERT INTO ").append(c.table()).append(" (").append(String.join(", ", cols)).append(") SELECT ")
                    .append(select).append(" FROM t RETURNING 1)");
        }
        sql.append(", o AS (INSERT INTO outbox (topic, message_key, event_id, event_type, event_source, payload, created_at) "
                + "SELECT ?, ?, t.id::text, ?, ?, ?::json, ? FROM t RETURNING 1) ");
        args.addAll(Arrays.asList(walletTopic, kafkaKey(cmd), EVENT_TYPE, Outbox.LEDGER_SOURCE, toJson(event(id, now, cmd, after)),
                Timestamp.from(now)));
        // the answer is the stored text, so the first answer and every replay are byte-identical
        sql.append("SELECT (SELECT count(*) FROM t), ").append(cmd.resolvesHold() != null ? "(SELECT count(*) FROM r)" : "1")
                .append(", (SELECT result::text FROM t)");
        long[] counts;
        String[] storedText = new String[1];
        try {
            counts = jdbc.queryForObject(sql.toString(), (rs, i) -> {
                storedText[0] = rs.getString(3);
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }, args.toArray());
        } catch (DuplicateKeyException e) {
            if (cmd.resolvesHold() != null && String.valueOf(e.getMessage()).contains("ledger_transaction_resolves_once")) {
                throw new HoldNotPendingException(cmd.resolvesHold());
            }
            throw e;
        }
        if (counts[0] == 0) {
            // the key exists: committed before we got here (we hold the player's locks), so answer from it
            LedgerResult existing = findExisting(cmd.key(), hash);
            if (existing != null) return existing;
            throw new DuplicateKeyException("concurrent duplicate of " + cmd.key());
        }
        if (counts[1] != 1) throw new HoldNotPendingException(cmd.resolvesHold());
        // this transaction now holds these rows locked with these balances: a later command in it needs no lock query
        for (LedgerResult.Balance b : after.values()) lockedBefore.put(b.accountId(), new long[] {b.balanceMinor(), b.version()});
        MDC.put("txId", id.toString());
        log.debug("applied {} {} key={}", cmd.reason(), id, cmd.key());
        return new LedgerResult.Applied(id, storedText[0], Map.copyOf(after), resultObject);
    }

    /**
     * Locks these player (tracked) accounts for the rest of the caller's database transaction, in ascending id order (the
     * order every command locks in, so no deadlock), and returns their balances. A caller that must decide amounts
     * from balances (a chargeback splits its debit between cash and the receivable) reads them here, and the commands
     * it then applies in the same transaction reuse these locks, so nothing can change in between.
     *
     * @return balance in minor units by account id
     * @throws IllegalStateException outside a transaction, or for a system account
     */
    public Map<Long, Long> lockBalances(java.util.Collection<AccountRef> players) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) throw new IllegalStateException("lockBalances needs a transaction");
        Map<Long, long[]> lockedBefore = lockedInThisTransaction();
        Map<Long, Long> out = new TreeMap<>();
        List<Long> toLock = new ArrayList<>();
        for (AccountRef a : players) {
            if (!a.type().tracked()) throw new IllegalStateException(a.type() + " is not a player account");
            long[] known = lockedBefore.get(a.id());
            if (known != null) out.put(a.id(), known[0]);
            else if (!toLock.contains(a.id())) toLock.add(a.id());
        }
        if (!toLock.isEmpty()) {
            lockAccounts(toLock, (id, row) -> {
                lockedBefore.put(id, row);
                out.put(id, row[0]);
            });
        }
        return out;
    }

    /** A companion value to bind as JSON. */
    public record JsonText(String json) {
    }

    private static final Object LOCKED_KEY = new Object();

    /**
     * Locks these account rows ({@code SELECT … FOR UPDATE}) in id order, so transactions locking overlapping sets
     * never deadlock, and hands each row's {balance_minor, balance_version} to {@code each}.
     */
    private void lockAccounts(List<Long> ids, java.util.function.BiConsumer<Long, long[]> each) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT id, balance_minor, balance_version FROM account WHERE id = ANY(?) ORDER BY id FOR UPDATE");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            each.accept(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    }

    /**
     * Player accounts this database transaction has locked, with their balances as it last wrote or read them. A spin's
     * settlement then reuses the lock its hold took (same rows, same transaction) instead of asking again; the map
     * lives exactly as long as the transaction. Outside a transaction (cannot happen: apply always runs in one) it is
     * a throw-away map.
     */
    @SuppressWarnings("unchecked")
    private static Map<Long, long[]> lockedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return new java.util.HashMap<>();
        Map<Long, long[]> map = (Map<Long, long[]>) TransactionSynchronizationManager.getResource(LOCKED_KEY);
        if (map == null) {
            Map<Long, long[]> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(LOCKED_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LOCKED_KEY);
                }
            });
            map = fresh;
        }
        return map;
    }

    private static AccountType typeOf(LedgerCommand cmd, long accountId) {
        return cmd.legs().stream().filter(l -> l.account().id() == accountId).findFirst().orElseThrow().account().type();
    }

    /** The stored transaction for a key, if any (no hash check: a lookup, not a request). */
    public java.util.Optional<LedgerResult.Replayed> find(IdempotencyKey key) {
        return jdbc.query("SELECT id, result::text FROM ledger_transaction WHERE source = ? AND scope = ? AND external_id = ?",
                (rs, i) -> new LedgerResult.Replayed(rs.getObject(1, UUID.class), rs.getString(2)),
                key.source(), key.scope(), key.externalId()).stream().findFirst();
    }

    /** Whether the hold is still pending (neither posted nor voided). */
    public boolean isPending(UUID holdId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pending_hold WHERE hold_id = ?)", Boolean.class, holdId));
    }

    private LedgerResult findExisting(IdempotencyKey key, byte[] hash) {
        List<LedgerResult> found = jdbc.query("SELECT id, request_hash, result::text FROM ledger_transaction "
                        + "WHERE source = ? AND scope = ? AND external_id = ?",
                (rs, i) -> {
                    if (!MessageDigest.isEqual(rs.getBytes(2), hash)) throw new IdempotencyConflictException(key);
                    return new LedgerResult.Replayed(rs.getObject(1, UUID.class), rs.getString(3));
                }, key.source(), key.scope(), key.externalId());
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The Kafka key: the player's cash account (their wallet) whenever the transaction concerns a player, even if
     * only the held account moves, so all of a player's events share one partition and stay in order; else the
     * lowest account id.
     */
    private String kafkaKey(LedgerCommand cmd) {
        if (cmd.playerId() != null) {
            var wallet = accounts.player(cmd.playerId());
            if (wallet.isPresent()) return Long.toString(wallet.get().cash().id());
        }
        return cmd.legs().stream().min(Comparator.comparingLong(l -> l.account().id()))
                .map(l -> Long.toString(l.account().id())).orElseThrow();
    }

    private Map<String, Object> event(UUID id, Instant at, LedgerCommand cmd, Map<Long, LedgerResult.Balance> after) {
        CurrencyUnit cur = cmd.currency();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("transactionId", id.toString());
        e.put("reason", cmd.reason());
        e.put("source", cmd.key().source());
        e.put("externalId", cmd.key().externalId());
        e.put("playerId", cmd.playerId() == null ? null : cmd.playerId().toString());
        e.put("currency", cur.code());
        e.put("occurredAt", at.toString());
        List<Map<String, Object>> postings = new ArrayList<>();
        for (Leg l : cmd.legs()) {
            postings.add(Map.of("accountId", l.account().id(), "accountType", l.account().type().name(),
                    "amountMinor", l.amountMinor(), "amount", Money.ofMinor(l.amountMinor(), cur).toDecimalString()));
        }
        e.put("postings", postings);
        List<Map<String, Object>> balances = new ArrayList<>();
        for (Leg l : cmd.legs()) {
            LedgerResult.Balance b = after.get(l.account().id());
            if (b == null || balances.stream().anyMatch(x -> x.get("accountId").equals(b.accountId()))) continue;
            balances.add(Map.of("accountId", b.accountId(), "accountType", l.account().type().name(),
                    "balanceMinor", b.balanceMinor(), "balance", Money.ofMinor(b.balanceMinor(), cur).toDecimalString(),
                    "balanceVersion", b.version()));
        }
        e.put("balances", balances);
        e.put("metadata", cmd.metadata());
        return e;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise ledger data", e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
