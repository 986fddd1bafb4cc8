package io.hub.app.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side of the ledger: a player's transactions, newest first; pending holds past their expiry. */
@Component
public class LedgerQueries {
    private final JdbcTemplate jdbc;

    public LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One ledger transaction as seen from a player's cash account.
     *
     * @param cashDeltaMinor the net change of the player's cash account (0 for a settle without a win)
     */
    public record PlayerTransaction(UUID transactionId, String reason, String source, String externalId,
                                    String currency, long cashDeltaMinor, Instant createdAt, String metadataJson) {
    }

    /** Up to {@code limit} transactions of the player, newest first, created before {@code before} when given. */
    public List<PlayerTransaction> playerTransactions(UUID playerId, long cashAccountId, int limit, Instant before) {
        return jdbc.query("SELECT t.id, t.reason, t.source, t.external_id, t.currency, "
                        + "coalesce((SELECT sum(p.amount_minor) FROM posting p WHERE p.transaction_id = t.id AND p.account_id = ?), 0), "
                        + "t.created_at, t.metadata::text FROM ledger_transaction t "
                        + "WHERE t.player_id = ? AND t.created_at < ? ORDER BY t.created_at DESC LIMIT ?",
                (rs, i) -> new PlayerTransaction(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getString(8)),
                cashAccountId, playerId, java.sql.Timestamp.from(before == null ? Instant.now().plusSeconds(60) : before), limit);
    }

    /**
     * One page of the player's transactions, newest first (ties broken by id, so pages never overlap or skip while
     * nothing new arrives): rows {@code offset .. offset+limit-1}.
     *
     * @param offset rows to skip, at least 0
     * @param limit  rows to return, at least 1
     */
    public List<PlayerTransaction> playerTransactionsPage(UUID playerId, long cashAccountId, long offset, int limit) {
        return jdbc.query("SELECT t.id, t.reason, t.source, t.external_id, t.currency, "
                        + "coalesce((SELECT sum(p.amount_minor) FROM posting p WHERE p.transaction_id = t.id AND p.account_id = ?), 0), "
                        + "t.created_at, t.metadata::text FROM ledger_transaction t "
                        + "WHERE t.player_id = ? ORDER BY t.created_at DESC, t.id DESC OFFSET ? LIMIT ?",
                (rs, i) -> new PlayerTransaction(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getString(8)),
                cashAccountId, playerId, offset, limit);
    }

    /** A pending hold whose {@code expires_at} has passed (its spin's node died between reserve and settle). */
    public record ExpiredHold(UUID holdId, UUID playerId, long amountMinor, String currency) {
    }

    /** Up to {@code limit} pending holds past their expiry, the longest expired first. */
    public List<ExpiredHold> expiredHolds(int limit) {
        return jdbc.query("SELECT hold_id, player_id, amount_minor, currency FROM pending_hold "
                        + "WHERE expires_at < clock_timestamp() ORDER BY expires_at LIMIT ?",
                (rs, i) -> new ExpiredHold(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4)),
                limit);
    }
}
