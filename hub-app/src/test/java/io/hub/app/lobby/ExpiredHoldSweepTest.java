package io.hub.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerQueries;
import io.hub.app.ledger.LedgerQueries.ExpiredHold;
import io.hub.app.ledger.LedgerResult;
import io.hub.app.ledger.Leg;
import io.hub.app.web.HubJson;
import io.hub.contracts.money.CurrencyUnit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hold-expiry sweep reads expired holds through the ledger's API ({@link LedgerQueries#expiredHolds}) rather than
 * with its own SQL on the ledger's {@code pending_hold} table, and voids exactly the expired ones. Runs the real ledger
 * on an embedded PostgreSQL with the Flyway schema, without a Spring context.
 */
class ExpiredHoldSweepTest {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private AccountDirectory accounts;
    private Ledger ledger;
    private LedgerQueries queries;
    private PlayerAccounts player;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) postgres.close();
    }

    @BeforeEach
    void wireTheLedger() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager txManager = new DataSourceTransactionManager(dataSource);
        accounts = new AccountDirectory(jdbc, 16);
        ledger = new Ledger(jdbc, new TransactionTemplate(txManager), new HubJson().hubObjectMapper(), accounts,
                "wallet.transactions");
        queries = new LedgerQueries(jdbc);
        // every test gets its own player; holds of other tests' players are resolved by their own sweeps
        new SpinHoldSweeper(queries, ledger, accounts).run();
        player = accounts.openPlayerAccounts(UUID.randomUUID(), "EUR");
        var adjustment = accounts.systemAccount(AccountType.ADJUSTMENT, "EUR", 0);
        ledger.apply(new LedgerCommand(new IdempotencyKey("test", "", "fund-" + player.playerId()), "ADJUSTMENT", EUR,
                player.playerId(), List.of(Leg.transfer(adjustment, player.cash(), 1_000)), "fund", null, null, Map.of(),
                applied -> Map.of()));
    }

    private UUID hold(long amountMinor, Duration timeout) {
        LedgerResult r = ledger.apply(new LedgerCommand(new IdempotencyKey("lobby", player.playerId().toString(), UUID.randomUUID().toString()),
                "BET_RESERVED", EUR, player.playerId(), List.of(Leg.transfer(player.cash(), player.held(), amountMinor)),
                "hold|" + amountMinor, timeout, null, Map.of(), applied -> Map.of()));
        return r.transactionId();
    }

    private long cash() {
        return accounts.balance(player.cash().id())[0];
    }

    private long held() {
        return accounts.balance(player.held().id())[0];
    }

    @Test
    void expired_holds_are_listed_longest_expired_first_and_unexpired_ones_are_not() {
        UUID later = hold(150, Duration.ofSeconds(-60));
        UUID earlier = hold(100, Duration.ofSeconds(-120));
        hold(50, Duration.ofMinutes(10));

        List<ExpiredHold> mine = queries.expiredHolds(200).stream().filter(h -> h.playerId().equals(player.playerId())).toList();

        assertThat(mine).containsExactly(
                new ExpiredHold(earlier, player.playerId(), 100, "EUR"),
                new ExpiredHold(later, player.playerId(), 150, "EUR"));
        assertThat(queries.expiredHolds(1)).containsExactly(new ExpiredHold(earlier, player.playerId(), 100, "EUR"));
    }

    @Test
    void the_sweeper_voids_only_expired_holds_and_returns_their_cash_once() {
        hold(150, Duration.ofSeconds(-60));
        hold(100, Duration.ofSeconds(-120));
        hold(50, Duration.ofMinutes(10));
        assertThat(cash()).isEqualTo(700);
        assertThat(held()).isEqualTo(300);
        SpinHoldSweeper sweeper = new SpinHoldSweeper(queries, ledger, accounts);

        sweeper.run();

        assertThat(cash()).isEqualTo(950);
        assertThat(held()).isEqualTo(50);
        assertThat(queries.expiredHolds(200)).noneMatch(h -> h.playerId().equals(player.playerId()));

        sweeper.run();

        assertThat(cash()).isEqualTo(950);
        assertThat(held()).isEqualTo(50);
    }
}
