package io.hub.app.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final TransactionTemplate requiresNew;

    public AccountDirectory(JdbcTemplate jdbc, PlatformTransactionManager txManager,
                            @Value("${hub.ledger.system-account-shards:16}") int shards) {
        this.jdbc = jdbc;
        this.shards = shards;
        this.requiresNew = new TransactionTemplate(txManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

    /** The shard of a system account type that this player's postings use. */
    public AccountRef systemAccount(AccountType type, String currency, long playerAccountId) {
        return systemAccount(type, currency, (int) Math.floorMod(playerAccountId, (long) shards));
    }

    /** A system account by type, currency and shard, created on first use. */
    public AccountRef systemAccount(AccountType type, String currency, int shard) {
        if (type.tracked()) throw new IllegalArgumentException(type + " is not a system account");
        String code = type.name() + "/" + currency + "/" + shard;
        // created in a transaction of its own, so a cached id never points at a rolled-back row
        return systemAccounts.computeIfAbsent(code, c -> requiresNew.execute(status -> {
            jdbc.update("INSERT INTO account (type, currency, code) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING",
                    type.name(), currency, c);
            long id = jdbc.queryForObject("SELECT id FROM account WHERE code = ?", Long.class, c);
            return new AccountRef(id, type, currency);
        }));
    }

    /** Current cached balance and version of a tracked account: {balanceMinor, version}. */
    public long[] balance(long accountId) {
        return jdbc.queryForObject("SELECT balance_minor, balance_version FROM account WHERE id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, accountId);
    }
}
