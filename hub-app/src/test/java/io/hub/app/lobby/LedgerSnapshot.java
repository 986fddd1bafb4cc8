package io.hub.app.lobby;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a lobby request could change, read straight from the database: the row counts of the ledger, the
 * pending holds and the game rounds, and one player's cash and held balances with their versions. Two snapshots are
 * equal when nothing changed. (The outbox is not counted: the relay deletes published rows at any moment; a
 * transaction's outbox row comes with the transaction, see OutboxTest.)
 */
record LedgerSnapshot(long transactions, long postings, long pendingHolds, long rounds,
                      long cashMinor, long cashVersion, long heldMinor, long heldVersion) {

    static LedgerSnapshot of(JdbcTemplate jdbc, UUID playerId) {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM ledger_transaction),
                       (SELECT count(*) FROM posting),
                       (SELECT count(*) FROM pending_hold),
                       (SELECT count(*) FROM game_round),
                       c.balance_minor, c.balance_version, h.balance_minor, h.balance_version
                FROM account c JOIN account h ON h.owner_id = c.owner_id AND h.type = 'PLAYER_HELD'
                WHERE c.owner_id = ? AND c.type = 'PLAYER_CASH'
                """, (rs, i) -> new LedgerSnapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)), playerId);
    }
}
