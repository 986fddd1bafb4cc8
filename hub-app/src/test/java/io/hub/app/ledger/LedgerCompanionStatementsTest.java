package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * {@link LedgerCommand.CompanionStatements}: a caller's own rows written by the ledger's one statement. They see the new
 * transaction's id, are written once (a replay of the key writes nothing again), and fail with the transaction: a
 * companion that breaks a constraint leaves no posting, balance change or outbox row behind.
 */
class LedgerCompanionStatementsTest extends LedgerTestSupport {

    @BeforeEach
    void probeTable() {
        // a table of the caller's own (not a ledger table), as a provider's bet or callback record would be
        jdbc.execute("CREATE TABLE IF NOT EXISTS companion_probe (note text PRIMARY KEY, ledger_tx uuid, counter int NOT NULL DEFAULT 0)");
    }

    private LedgerCommand withCompanion(LedgerCommand c, LedgerCommand.CompanionWrite companion) {
        return new LedgerCommand(c.key(), c.reason(), c.currency(), c.playerId(), c.legs(), c.canonicalRequest(), c.holdTimeout(),
                c.resolvesHold(), c.metadata(), c.result(), companion);
    }

    @Test
    void companionStatementsAreWrittenWithTheTransactionAndSeeItsId() {
        PlayerAccounts p = player("EUR", 1_000);
        String note = "n-" + UUID.randomUUID();
        jdbc.update("INSERT INTO companion_probe (note) VALUES (?)", note + "-existing");

        LedgerResult r = ledger.apply(withCompanion(bet(p, 100, "cs-" + UUID.randomUUID()), new LedgerCommand.CompanionStatements(List.of(
                "INSERT INTO companion_probe (note, ledger_tx) SELECT ?, t.id FROM t",
                "UPDATE companion_probe SET counter = counter + ? WHERE EXISTS (SELECT 1 FROM t) AND note = ?"),
                List.of(note, 5, note + "-existing"))));

        assertThat(r).isInstanceOf(LedgerResult.Applied.class);
        assertThat(jdbc.queryForObject("SELECT ledger_tx FROM companion_probe WHERE note = ?", UUID.class, note)).isEqualTo(r.transactionId());
        assertThat(jdbc.queryForObject("SELECT counter FROM companion_probe WHERE note = ?", Integer.class, note + "-existing")).isEqualTo(5);
        assertThat(cash(p)).isEqualTo(900);
        assertLedgerBalanced();
    }

    @Test
    void aReplayOfTheKeyDoesNotRunTheCompanionStatementsAgain() {
        PlayerAccounts p = player("EUR", 1_000);
        String key = "cs-" + UUID.randomUUID();
        String note = "n-" + UUID.randomUUID();
        jdbc.update("INSERT INTO companion_probe (note) VALUES (?)", note);
        LedgerCommand.CompanionStatements bump = new LedgerCommand.CompanionStatements(
                List.of("UPDATE companion_probe SET counter = counter + 1 WHERE EXISTS (SELECT 1 FROM t) AND note = ?"), List.of(note));

        LedgerResult first = ledger.apply(withCompanion(bet(p, 100, key), bump));
        LedgerResult replay = ledger.apply(withCompanion(bet(p, 100, key), bump));

        assertThat(replay).isInstanceOf(LedgerResult.Replayed.class);
        assertThat(replay.transactionId()).isEqualTo(first.transactionId());
        assertThat(jdbc.queryForObject("SELECT counter FROM companion_probe WHERE note = ?", Integer.class, note)).isEqualTo(1);
        assertThat(cash(p)).isEqualTo(900);
    }

    @Test
    void aCompanionStatementThatFailsLeavesNoLedgerWriteBehind() {
        PlayerAccounts p = player("EUR", 1_000);
        String note = "n-" + UUID.randomUUID();
        jdbc.update("INSERT INTO companion_probe (note) VALUES (?)", note);
        Counts before = counts();

        assertThatThrownBy(() -> ledger.apply(withCompanion(bet(p, 100, "cs-" + UUID.randomUUID()), new LedgerCommand.CompanionStatements(
                List.of("INSERT INTO companion_probe (note, ledger_tx) SELECT ?, t.id FROM t"), List.of(note)))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(counts()).isEqualTo(before);
        assertThat(cash(p)).isEqualTo(1_000);
        assertThat(accounts.balance(p.cash().id())[1]).as("balance version: the funding only").isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void companionStatementsMayNotWriteLedgerTablesOrCarrySeveralStatements() {
        for (String table : List.of("ledger_transaction", "posting", "account", "pending_hold", "OUTBOX")) {
            assertThatThrownBy(() -> new LedgerCommand.CompanionStatements(List.of("DELETE FROM " + table + " WHERE EXISTS (SELECT 1 FROM t)"), List.of()))
                    .as(table).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ledger");
        }
        assertThatThrownBy(() -> new LedgerCommand.CompanionStatements(
                List.of("UPDATE companion_probe SET counter = 1 WHERE EXISTS (SELECT 1 FROM t); DROP TABLE companion_probe"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("semicolon");
        assertThatThrownBy(() -> new LedgerCommand.CompanionStatements(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        // a column that merely contains a ledger table's name is the caller's own
        assertThat(new LedgerCommand.CompanionStatements(List.of("UPDATE companion_probe SET counter = 1 WHERE note = 'account_id'"), List.of())
                .statements()).hasSize(1);
    }
}
