package io.hub.app.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens and finds accounts. Account ids never change once created, so lookups are cached in memory.
 *
 * <p>System accounts are sharded ({@code HOUSE/EUR/0} … {@code HOUSE/EUR/15}): each player's postings go to one
 * shard chosen from the player's account id, so concurrent transactions of different players do not all take a
 * lock on one account row (foreign-key checks lock the referenced row in KEY SHARE mode).
 */
@Component
public class AccountDirectory {
    private final JdbcTemplate jdbc;
    private final int shards;
    private final Map<String, AccountRef> systemAccounts = new ConcurrentHashMap<>();
    private final Map<UUID, PlayerAccounts> playerAccounts = new ConcurrentHashMap<>();
    private final Map<String, AccountRef> receivables = new ConcurrentHashMap<>();

    public AccountDirectory(JdbcTemplate jdbc, @Value("${hub.ledger.system-account-shards:16}") int shards) {
        this.jdbc = jdbc;
        this.shards = shards;
    }

    /**
     * A player's wallet accounts in one currency.
     *
     * @param cash spendable balance
     * @param held money reserved by pending holds
     */
    public record PlayerAccounts(UUID playerId, String currency, AccountRef cash, AccountRef held) {
    }

    /** Opens the cash and held accounts of a new player (inside the caller's transaction). */
    @Transactional
    public PlayerAccounts openPlayerAccounts(UUID playerId, String currency) {
        long cash = insertPlayerAccount(playerId, AccountType.PLAYER_CASH, currency);
        long held = insertPlayerAccount(playerId, AccountType.PLAYER_HELD, currency);
        return new PlayerAccounts(playerId, currency, new AccountRef(cash, AccountType.PLAYER_CASH, currency),
                new AccountRef(held, AccountType.PLAYER_HELD, currency));
    }

    private long insertPlayerAccount(UUID playerId, AccountType type, String currency) {
        return jdbc.queryForObject("INSERT INTO account (type, currency, owner_id, balance_minor) VALUES (?, ?, ?, 0) RETURNING id",
                Long.class, type.name(), currency, playerId);
    }

    /** The player's accounts, or empty if the player has no wallet. */
    public Optional<PlayerAccounts> player(UUID playerId) {
        PlayerAccounts cached = playerAccounts.get(playerId);
        if (cached != null) return Optional.of(cached);
        List<AccountRef> refs = jdbc.query("SELECT id, type, currency FROM account WHERE owner_id = ? ORDER BY id",
                (rs, i) -> new AccountRef(rs.getLong(1), AccountType.valueOf(rs.getString(2)), rs.getString(3)), playerId);
        AccountRef cash = refs.stream().filter(r -> r.type() == AccountType.PLAYER_CASH).findFirst().orElse(null);
        AccountRef held = refs.stream().filter(r -> r.type() == AccountType.PLAYER_HELD).findFirst().orElse(null);
        if (cash == null || held == null) return Optional.empty();
        PlayerAccounts pa = new PlayerAccounts(playerId, cash.currency(), cash, held);
        playerAccounts.put(playerId, pa);
        return Optional.of(pa);
    }

    /**
     * The player's receivable in {@code currency} ({@link AccountType#PLAYER_RECEIVABLE}), opened with a zero balance
     * if the player has none yet, in the caller's transaction (a concurrent opener waits on the unique index
     * {@code account_one_per_player} and then finds this one). Cached once that transaction has committed.
     */
    public AccountRef openReceivable(UUID playerId, String currency) {
        Optional<AccountRef> existing = receivable(playerId, currency);
        if (existing.isPresent()) return existing.get();
        jdbc.update("INSERT INTO account (type, currency, owner_id, balance_minor) VALUES ('PLAYER_RECEIVABLE', ?, ?, 0) "
                + "ON CONFLICT (owner_id, type, currency) WHERE owner_id IS NOT NULL DO NOTHING", currency, playerId);
        long id = jdbc.queryForObject("SELECT id FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE' AND currency = ?",
                Long.class, playerId, currency);
        AccountRef ref = new AccountRef(id, AccountType.PLAYER_RECEIVABLE, currency);
        String cacheKey = playerId + "/" + currency;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    receivables.putIfAbsent(cacheKey, ref);
                }
            });
        } else {
            receivables.putIfAbsent(cacheKey, ref);
        }
        return ref;
    }

    /** The player's receivable in {@code currency}, empty if none was ever opened (the player never owed anything). */
    public Optional<AccountRef> receivable(UUID playerId, String currency) {
        String cacheKey = playerId + "/" + currency;
        AccountRef cached = receivables.get(cacheKey);
        if (cached != null) return Optional.of(cached);
        List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE' AND currency = ?",
                Long.class, playerId, currency);
        return ids.isEmpty() ? Optional.empty() : Optional.of(new AccountRef(ids.get(0), AccountType.PLAYER_RECEIVABLE, currency));
    }

    /**
     * What the player owes the hub in minor units, all currencies together (a player has one wallet currency): minus
     * the receivable balances, 0 when there is none. Not locked: for gates, not for amounts (see {@link Ledger#lockBalances}).
     */
    public long owedMinor(UUID playerId) {
        Long owed = jdbc.queryForObject("SELECT coalesce(-sum(balance_minor), 0) FROM account WHERE owner_id = ? AND type = 'PLAYER_RECEIVABLE'",
                Long.class, playerId);
        return owed == null ? 0 : owed;
    }

    /** The shard of a system account type that this player's postings use. */
    public AccountRef systemAccount(AccountType type, String currency, long playerAccountId) {
        return systemAccount(type, currency, (int) Math.floorMod(playerAccountId, (long) shards));
    }

    /**
     * A system account by type, currency and shard. Created on first use in the caller's own transaction and
     * connection (never a second pool connection inside a money transaction: that starves the pool under load), and
     * cached only once that transaction has committed. The usual currencies are created at start-up
     * ({@code hub.ledger.precreate-currencies}), so the write path normally only reads the cache.
     */
    public AccountRef systemAccount(AccountType type, String currency, int shard) {
        if (type.tracked()) throw new IllegalArgumentException(type + " is not a system account");
        String code = type.name() + "/" + currency + "/" + shard;
        AccountRef cached = systemAccounts.get(code);
        if (cached != null) return cached;
        jdbc.update("INSERT INTO account (type, currency, code) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING",
                type.name(), currency, code);
        long id = jdbc.queryForObject("SELECT id FROM account WHERE code = ?", Long.class, code);
        AccountRef ref = new AccountRef(id, type, currency);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    systemAccounts.putIfAbsent(code, ref);
                }
            });
        } else {
            systemAccounts.putIfAbsent(code, ref);
        }
        return ref;
    }

    /** Creates every system account shard of the given currencies (one statement) and loads them all into the cache. */
    public void precreate(java.util.Collection<String> currencies) {
        String[] types = java.util.Arrays.stream(AccountType.values()).filter(t -> !t.tracked()).map(Enum::name).toArray(String[]::new);
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO account (type, currency, code) SELECT t, c, t || '/' || c || '/' || s "
                    + "FROM unnest(?::text[]) t, unnest(?::text[]) c, generate_series(0, ? - 1) s ON CONFLICT (code) DO NOTHING");
            ps.setArray(1, con.createArrayOf("text", types));
            ps.setArray(2, con.createArrayOf("text", currencies.toArray()));
            ps.setInt(3, shards);
            return ps;
        });
        jdbc.query("SELECT id, type, currency, code FROM account WHERE code IS NOT NULL", rs -> {
            systemAccounts.putIfAbsent(rs.getString(4), new AccountRef(rs.getLong(1), AccountType.valueOf(rs.getString(2)), rs.getString(3)));
        });
    }

    /** Current cached balance and version of a tracked account: {balanceMinor, version}. */
    public long[] balance(long accountId) {
        return jdbc.queryForObject("SELECT balance_minor, balance_version FROM account WHERE id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, accountId);
    }
}
