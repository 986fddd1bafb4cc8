package io.hub.app.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies every ledger invariant from the stored data (a trial balance), independent of the constraints that
 * should already have enforced them: each transaction's postings sum to zero with at least two postings; per
 * currency all postings sum to zero; every cached balance equals the sum of its account's postings; no player
 * cash or held account is negative and no player receivable positive; no idempotency key appears twice; every pending hold is unresolved and every
 * unresolved hold is pending.
 */
@Component
public class LedgerCheck {
    private final JdbcTemplate jdbc;

    public LedgerCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param balanced     true when {@code problems} is empty
     * @param transactions number of ledger transactions checked
     * @param accounts     number of accounts checked
     * @param problems     one line per broken invariant instance (capped at 100 per kind)
     */
    public record Report(boolean balanced, long transactions, long accounts, List<String> problems) {
    }

    /** Runs in one repeatable-read snapshot so concurrent writes cannot make a consistent ledger look broken. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report run() {
        List<String> problems = new ArrayList<>();
        jdbc.query("SELECT transaction_id, sum(amount_minor), count(*) FROM posting GROUP BY transaction_id "
                        + "HAVING sum(amount_minor) <> 0 OR count(*) < 2 LIMIT 100",
                rs -> { problems.add("transaction " + rs.getString(1) + " postings sum to " + rs.getLong(2) + " over " + rs.getLong(3) + " postings"); });
        jdbc.query("SELECT t.id FROM ledger_transaction t WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.transaction_id = t.id) LIMIT 100",
                rs -> { problems.add("transaction " + rs.getString(1) + " has no postings"); });
        jdbc.query("SELECT currency, sum(amount_minor) FROM posting GROUP BY currency HAVING sum(amount_minor) <> 0",
                rs -> { problems.add("currency " + rs.getString(1) + " postings sum to " + rs.getLong(2)); });
        jdbc.query("SELECT a.id, a.type, a.balance_minor, coalesce(p.s, 0) FROM account a "
                        + "LEFT JOIN (SELECT account_id, sum(amount_minor) AS s FROM posting GROUP BY account_id) p ON p.account_id = a.id "
                        + "WHERE a.balance_minor IS NOT NULL AND a.balance_minor <> coalesce(p.s, 0) LIMIT 100",
                rs -> { problems.add("account " + rs.getLong(1) + " (" + rs.getString(2) + ") cached balance " + rs.getLong(3)
                        + " but postings sum to " + rs.getLong(4)); });
        jdbc.query("SELECT a.id, a.type, coalesce(p.s, 0) FROM account a "
                        + "JOIN (SELECT account_id, sum(amount_minor) AS s FROM posting GROUP BY account_id) p ON p.account_id = a.id "
                        + "WHERE a.type IN ('PLAYER_CASH', 'PLAYER_HELD') AND (p.s < 0 OR a.balance_minor < 0) LIMIT 100",
                rs -> { problems.add("player account " + rs.getLong(1) + " (" + rs.getString(2) + ") is negative: " + rs.getLong(3)); });
        jdbc.query("SELECT a.id, coalesce(p.s, 0) FROM account a "
                        + "JOIN (SELECT account_id, sum(amount_minor) AS s FROM posting GROUP BY account_id) p ON p.account_id = a.id "
                        + "WHERE a.type = 'PLAYER_RECEIVABLE' AND (p.s > 0 OR a.balance_minor > 0) LIMIT 100",
                rs -> { problems.add("player receivable " + rs.getLong(1) + " is positive (more collected than owed): " + rs.getLong(2)); });
        jdbc.query("SELECT source, scope, external_id, count(*) FROM ledger_transaction GROUP BY source, scope, external_id HAVING count(*) > 1 LIMIT 100",
                rs -> { problems.add("idempotency key (" + rs.getString(1) + ", " + rs.getString(2) + ", " + rs.getString(3) + ") used " + rs.getLong(4) + " times"); });
        jdbc.query("SELECT h.hold_id FROM pending_hold h JOIN ledger_transaction r ON r.resolves_hold = h.hold_id LIMIT 100",
                rs -> { problems.add("hold " + rs.getString(1) + " is resolved but still listed as pending"); });
        jdbc.query("SELECT h.hold_id, h.amount_minor, coalesce(sum(p.amount_minor), 0) FROM pending_hold h "
                        + "LEFT JOIN posting p ON p.transaction_id = h.hold_id AND p.amount_minor > 0 "
                        + "GROUP BY h.hold_id, h.amount_minor HAVING h.amount_minor <> coalesce(sum(p.amount_minor), 0) LIMIT 100",
                rs -> { problems.add("pending hold " + rs.getString(1) + " amount " + rs.getLong(2) + " does not match its postings " + rs.getLong(3)); });
        // money held = sum of pending holds, per player held account
        jdbc.query("SELECT a.id, a.balance_minor, coalesce(h.s, 0) FROM account a "
                        + "LEFT JOIN (SELECT player_id, currency, sum(amount_minor) AS s FROM pending_hold GROUP BY player_id, currency) h "
                        + "ON h.player_id = a.owner_id AND h.currency = a.currency "
                        + "WHERE a.type = 'PLAYER_HELD' AND a.balance_minor <> coalesce(h.s, 0) LIMIT 100",
                rs -> { problems.add("held account " + rs.getLong(1) + " holds " + rs.getLong(2) + " but pending holds sum to " + rs.getLong(3)); });
        long transactions = jdbc.queryForObject("SELECT count(*) FROM ledger_transaction", Long.class);
        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        return new Report(problems.isEmpty(), transactions, accounts, List.copyOf(problems));
    }
}
