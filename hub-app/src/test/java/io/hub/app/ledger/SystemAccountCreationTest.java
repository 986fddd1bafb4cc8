package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A system account created on first use inside a money transaction is created on that transaction's own connection
 * (a second pool connection per transaction starved the pool under load: a 70-second stall in the benchmark), and is
 * cached only after that transaction commits.
 */
class SystemAccountCreationTest extends HubIntegrationTest {
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TransactionTemplate tx;

    private long committedRows(String code) throws Exception {
        // another thread, so another connection: sees only committed rows
        return CompletableFuture.supplyAsync(() -> jdbc.queryForObject("SELECT count(*) FROM account WHERE code = ?", Long.class, code))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSystemAccountIsCreatedInTheCallersTransactionNotOnASecondConnection() throws Exception {
        String code = "HOUSE/SEK/3";
        tx.execute(s -> {
            AccountRef ref = accounts.systemAccount(AccountType.HOUSE, "SEK", 3);
            assertThat(jdbc.queryForObject("SELECT id FROM account WHERE code = ?", Long.class, code)).isEqualTo(ref.id());
            try {
                assertThat(committedRows(code)).as("not visible outside the creating transaction").isZero();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return ref;
        });
        assertThat(committedRows(code)).isEqualTo(1);
    }

    @Test
    void anAccountCreatedInARolledBackTransactionIsNotCachedAndIsCreatedAgain() throws Exception {
        String code = "HOUSE/NOK/7";
        AccountRef rolledBack = tx.execute(s -> {
            AccountRef ref = accounts.systemAccount(AccountType.HOUSE, "NOK", 7);
            s.setRollbackOnly();
            return ref;
        });
        assertThat(committedRows(code)).isZero();
        AccountRef again = accounts.systemAccount(AccountType.HOUSE, "NOK", 7);
        assertThat(committedRows(code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT id FROM account WHERE code = ?", Long.class, code)).isEqualTo(again.id());
        assertThat(again.id()).isNotEqualTo(rolledBack.id());
    }

    @Test
    void theUsualCurrenciesHaveEveryShardFromStartUp() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE type = 'HOUSE' AND currency = 'EUR'", Long.class))
                .isEqualTo(64);
    }
}
