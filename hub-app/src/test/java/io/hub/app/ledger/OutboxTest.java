package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.events.Outbox;
import io.hub.app.ledger.AccountDirectory.PlayerAccounts;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The transactional outbox: one row per ledger transaction, written in the same database transaction (so a
 * rolled-back transaction leaves none), published by the relay (and then removed from the outbox) as a Kafka
 * record keyed by the player's cash account with CloudEvents headers. Every relay is paused (its advisory lock
 * held) while a test counts outbox rows, so that rows do not leave while they are counted.
 */
class OutboxTest extends LedgerTestSupport {
    @Autowired
    Outbox outbox;
    @Autowired
    javax.sql.DataSource dataSource;
    private java.sql.Connection relayLockHolder;

    /**
     * Pauses every outbox relay running against this database (other cached test contexts have their own) by holding
     * the relay's advisory lock on a connection of our own, so rows stay while they are counted.
     */
    @org.junit.jupiter.api.BeforeEach
    void holdTheRelay() throws Exception {
        relayLockHolder = dataSource.getConnection();
        try (var st = relayLockHolder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            st.setLong(1, io.hub.app.events.OutboxRelay.RELAY_LOCK);
            st.execute();
        }
    }

    private void releaseTheRelay() throws Exception {
        if (relayLockHolder == null) return;
        try (var st = relayLockHolder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, io.hub.app.events.OutboxRelay.RELAY_LOCK);
            st.execute();
        }
        relayLockHolder.close();
        relayLockHolder = null;
    }

    private long outboxRows() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class);
    }

    @org.junit.jupiter.api.AfterEach
    void afterEach() throws Exception {
        releaseTheRelay();
    }

    @Test
    void everyLedgerTransactionWritesExactlyOneOutboxRowDescribingIt() {
        PlayerAccounts p = player("EUR", 1_000);
        Counts before = counts();
        long outboxBefore = outboxRows();

        LedgerResult bet = ledger.apply(bet(p, 300, "o-" + UUID.randomUUID()));
        LedgerResult hold = ledger.apply(hold(p, 200, "o-" + UUID.randomUUID(), Duration.ofSeconds(60)));
        LedgerResult post = ledger.apply(postHold(p, hold.transactionId(), 200, "o-" + UUID.randomUUID()));

        assertThat(counts()).isEqualTo(before.plus(3, 6, 0));
        assertThat(outboxRows()).isEqualTo(outboxBefore + 3);
        for (LedgerResult r : List.of(bet, hold, post)) {
            Map<String, Object> row = jdbc.queryForMap("SELECT o.topic, o.message_key, o.event_type, o.event_source, o.payload::text AS payload, "
                    + "o.created_at = t.created_at AS same_time FROM outbox o JOIN ledger_transaction t ON t.id::text = o.event_id "
                    + "WHERE o.event_id = ?", r.transactionId().toString());
            assertThat(row).containsEntry("topic", "wallet.transactions")
                    .containsEntry("message_key", Long.toString(p.cash().id()))
                    .containsEntry("event_type", "io.hub.wallet.transaction.v1")
                    .containsEntry("event_source", "/hub/ledger")
                    .containsEntry("same_time", true);
            JsonNode payload = json((String) row.get("payload"));
            assertThat(payload.get("transactionId").asText()).isEqualTo(r.transactionId().toString());
            assertThat(payload.get("playerId").asText()).isEqualTo(p.playerId().toString());
            assertThat(payload.get("currency").asText()).isEqualTo("EUR");
            long sum = 0;
            for (JsonNode posting : payload.get("postings")) sum += posting.get("amountMinor").asLong();
            assertThat(sum).isZero();
        }
        // the hold moves only player accounts; the post moves only held: both still keyed by the wallet (cash) account
        JsonNode postPayload = json(jdbc.queryForObject("SELECT payload::text FROM outbox WHERE event_id = ?", String.class,
                post.transactionId().toString()));
        assertThat(postPayload.get("reason").asText()).isEqualTo("SPIN_SETTLED");
        assertThat(postPayload.get("balances")).hasSize(1);
        assertThat(postPayload.get("balances").get(0).get("accountType").asText()).isEqualTo("PLAYER_HELD");
        assertThat(postPayload.get("balances").get(0).get("balanceMinor").asLong()).isZero();
    }

    @Test
    void aRefusedBetWritesNoOutboxRow() {
        PlayerAccounts p = player("EUR", 100);
        Counts before = counts();
        long outboxBefore = outboxRows();

        assertThatThrownBy(() -> ledger.apply(bet(p, 101, "o-" + UUID.randomUUID())))
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).code()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);

        assertThat(counts()).isEqualTo(before);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        assertThat(cash(p)).isEqualTo(100);
    }

    @Test
    void aLedgerTransactionRolledBackByItsCallerLeavesNoOutboxRow() {
        PlayerAccounts p = player("EUR", 1_000);
        Counts before = counts();
        long outboxBefore = outboxRows();

        UUID rolledBack = tx.execute(s -> {
            LedgerResult r = ledger.apply(bet(p, 300, "o-" + UUID.randomUUID()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, r.transactionId().toString()))
                    .as("visible inside the transaction").isEqualTo(1);
            s.setRollbackOnly();
            return r.transactionId();
        });

        assertThat(counts()).isEqualTo(before);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, rolledBack.toString())).isZero();
        assertThat(cash(p)).isEqualTo(1_000);
    }

    @Test
    void theOutboxRefusesAnEventOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append("wallet.transactions", "k", UUID.randomUUID().toString(), Ledger.EVENT_TYPE,
                Outbox.LEDGER_SOURCE, Instant.now(), "{}"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theRelayPublishesEveryRowAsAKafkaRecordKeyedByTheWalletWithCloudEventsHeaders() throws Exception {
        releaseTheRelay();
        PlayerAccounts p = player("EUR", 1_000);
        List<UUID> ids = List.of(
                jdbc.queryForObject("SELECT id FROM ledger_transaction WHERE player_id = ?", UUID.class, p.playerId()),
                ledger.apply(bet(p, 100, "o-" + UUID.randomUUID())).transactionId(),
                ledger.apply(bet(p, 200, "o-" + UUID.randomUUID())).transactionId());
        Set<String> eventIds = ids.stream().map(UUID::toString).collect(Collectors.toSet());

        // published rows leave the outbox
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE event_id = ANY(?)", Long.class,
                (Object) eventIds.toArray(String[]::new))).isZero());

        List<ConsumerRecord<String, String>> records = readWalletTopic(rs -> rs.stream()
                .map(r -> header(r, "ce_id")).collect(Collectors.toSet()).containsAll(eventIds));
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> eventIds.contains(header(r, "ce_id"))).toList();
        assertThat(ours.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())).isEqualTo(eventIds);
        for (ConsumerRecord<String, String> r : ours) {
            String id = header(r, "ce_id");
            Instant createdAt = jdbc.queryForObject("SELECT created_at FROM ledger_transaction WHERE id = ?::uuid", java.sql.Timestamp.class, id)
                    .toInstant();
            assertThat(r.key()).isEqualTo(Long.toString(p.cash().id()));
            assertThat(header(r, "ce_type")).isEqualTo("io.hub.wallet.transaction.v1");
            assertThat(header(r, "ce_source")).isEqualTo("/hub/ledger");
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(Instant.parse(header(r, "ce_time"))).isEqualTo(createdAt);
            assertThat(header(r, "content-type")).as("headers %s", r.headers()).isEqualTo("application/json");
            assertThat(json(r.value()).get("transactionId").asText()).isEqualTo(id);
        }
        // one key, so one partition, in ledger order
        assertThat(ours.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        assertThat(ours.stream().map(r -> header(r, "ce_id")).distinct().toList())
                .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
