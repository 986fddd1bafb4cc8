package io.hub.app.ledger;

import io.hub.contracts.money.CurrencyUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One money movement to apply atomically.
 *
 * @param key              idempotency key; a replay with the same {@code canonicalRequest} gets the stored result,
 *                         with a different one an {@link IdempotencyConflictException}
 * @param reason           reason code: BET_RESERVED, SPIN_SETTLED, BET_HOLD_VOIDED, ADJUSTMENT, ...
 * @param currency         the currency of every leg
 * @param playerId         the player whose wallet this concerns (the Kafka key is their cash account), or null
 * @param legs             postings; they must sum to zero and every account must be in {@code currency}
 * @param canonicalRequest the request in a canonical text form; its SHA-256 is stored and compared on replays
 * @param holdTimeout      when not null, this transaction is a pending hold that expires after the duration
 * @param resolvesHold     when not null, this transaction posts or voids that pending hold (at most once)
 * @param metadata         extra JSON-serialisable facts (round id, game id, operator reason) stored with it
 * @param result           builds the answer to store and return from the applied transaction
 * @param companion        optional writes of the caller's own (a {@link Companion} row such as the game round, or
 *                         {@link CompanionStatements}) made by the same statement, only when the transaction is new;
 *                         null for none
 */
public record LedgerCommand(IdempotencyKey key, String reason, CurrencyUnit currency, UUID playerId, List<Leg> legs,
                            String canonicalRequest, Duration holdTimeout, UUID resolvesHold,
                            Map<String, Object> metadata, Function<LedgerResult.Applied, Object> result, CompanionWrite companion) {

    /** A command without a companion row. */
    public LedgerCommand(IdempotencyKey key, String reason, CurrencyUnit currency, UUID playerId, List<Leg> legs,
                         String canonicalRequest, Duration holdTimeout, UUID resolvesHold,
                         Map<String, Object> metadata, Function<LedgerResult.Applied, Object> result) {
        this(key, reason, currency, playerId, legs, canonicalRequest, holdTimeout, resolvesHold, metadata, result, null);
    }

    /** The caller's own writes that ride in the ledger's one statement: {@link Companion} or {@link CompanionStatements}. */
    public sealed interface CompanionWrite permits Companion, CompanionStatements {
    }

    /** Tables a companion may never write: the ledger's own. */
    private static final java.util.regex.Pattern LEDGER_TABLES =
            java.util.regex.Pattern.compile("\\b(ledger_transaction|posting|account|pending_hold|outbox)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Data-modifying statements of the caller's own (its bookkeeping rows: a provider's bet, round and callback record),
     * each added as a CTE of the ledger's single statement, so they cost no round trip of their own and commit or fail
     * with the ledger transaction. Each statement may read the new transaction's row as {@code t} (columns {@code id},
     * {@code result}), which exists only when the transaction is applied now; a statement must select from or test
     * {@code t} (e.g. {@code INSERT … SELECT … FROM t}, {@code UPDATE … WHERE EXISTS (SELECT 1 FROM t)}) so a replay
     * writes nothing. All statements see the snapshot the statement started with (PostgreSQL data-modifying CTEs): no
     * two may touch the same row. {@code args} bind the statements' {@code ?} in order.
     *
     * @param statements INSERT / UPDATE / DELETE texts without a trailing semicolon, none naming a ledger table
     * @throws IllegalArgumentException for an empty list, a statement naming a ledger table, or a semicolon
     */
    public record CompanionStatements(List<String> statements, List<Object> args) implements CompanionWrite {
        public CompanionStatements {
            statements = List.copyOf(statements);
            args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
            if (statements.isEmpty()) throw new IllegalArgumentException("no companion statement");
            for (String sql : statements) {
                if (sql.indexOf(';') >= 0) throw new IllegalArgumentException("one statement each, no semicolon");
                if (LEDGER_TABLES.matcher(sql).find()) throw new IllegalArgumentException("a companion writes the caller's own tables, not the ledger's: " + sql);
            }
        }
    }

    /**
     * One row inserted together with the transaction, in the same statement, only if the transaction is applied now
     * (not on a replay). {@code columns} are the target columns; {@code transactionIdColumn}, when not null, receives
     * the new transaction's id; {@code values} are bound in order to the other columns.
     *
     * @param table an identifier such as {@code game_round}; never a ledger table
     */
    public record Companion(String table, List<String> columns, String transactionIdColumn, List<Object> values) implements CompanionWrite {
        private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

        public Companion {
            columns = List.copyOf(columns);
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            if (!IDENTIFIER.matcher(table).matches() || columns.stream().anyMatch(c -> !IDENTIFIER.matcher(c).matches())
                    || (transactionIdColumn != null && !IDENTIFIER.matcher(transactionIdColumn).matches())) {
                throw new IllegalArgumentException("companion table and columns must be plain identifiers");
            }
            if (java.util.Set.of("ledger_transaction", "posting", "account", "pending_hold", "outbox").contains(table)) {
                throw new IllegalArgumentException("a companion row is the caller's own, not a ledger table: " + table);
            }
            if (columns.size() != values.size()) throw new IllegalArgumentException("one value per column");
        }
    }
    public LedgerCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        Objects.requireNonNull(result, "result");
        legs = List.copyOf(legs);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (legs.size() < 2) throw new IllegalArgumentException("a transaction has at least two postings");
        long sum = 0;
        for (Leg l : legs) {
            sum = Math.addExact(sum, l.amountMinor());
            if (!l.account().currency().equals(currency.code())) {
                throw new IllegalArgumentException("posting on a " + l.account().currency() + " account in a "
                        + currency + " transaction");
            }
        }
        if (sum != 0) throw new IllegalArgumentException("postings sum to " + sum + ", not zero");
        if (holdTimeout != null && resolvesHold != null) {
            throw new IllegalArgumentException("a transaction cannot both open and resolve a hold");
        }
    }
}
