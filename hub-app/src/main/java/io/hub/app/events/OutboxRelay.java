package io.hub.app.events;

import io.hub.contracts.events.OutboxPort;
import io.hub.contracts.events.OutboxRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox side of the relay route. One relay publishes at a time across all nodes: the batch transaction
 * takes a transaction-scoped advisory lock and returns nothing if another node holds it, which keeps every
 * key's events in order. Published rows are deleted (the ledger is the record; Kafka has the event). Exposes {@code hub_outbox_lag_events} (unpublished rows) and
 * {@code hub_outbox_lag_seconds} (age of the oldest unpublished row).
 */
@Component
public class OutboxRelay implements OutboxPort {
    /** The advisory lock key the relay takes per batch: whoever holds it (another node, a test) pauses this relay. */
    public static final long RELAY_LOCK = 0x6875625F6F75746CL; // "hub_outl"
    private final JdbcTemplate jdbc;
    private final AtomicLong lagEvents = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();

    public OutboxRelay(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("hub.outbox.lag.events", lagEvents, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka").register(meters);
        Gauge.builder("hub.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row").register(meters);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxRecord> claimBatch(int max) {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
        if (!Boolean.TRUE.equals(locked)) return List.of();
        return jdbc.query("SELECT id, topic, message_key, event_id, event_type, event_source, created_at, payload::text "
                        + "FROM outbox ORDER BY id LIMIT ? FOR UPDATE",
                (rs, i) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)),
                max);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(List<OutboxRecord> records) {
        Long[] ids = records.stream().map(OutboxRecord::id).toArray(Long[]::new);
        jdbc.update(con -> {
            var ps = con.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids));
            return ps;
        });
    }

    /** Refreshes the lag gauges (cheap: the outbox holds only unpublished rows). */
    @Scheduled(fixedDelayString = "${hub.outbox.lag-refresh-ms:2000}")
    public void refreshLag() {
        Map<String, Object> row = jdbc.queryForMap("SELECT count(*) AS n, "
                + "coalesce(extract(epoch FROM clock_timestamp() - min(created_at)) * 1000, 0)::bigint AS age_ms "
                + "FROM outbox");
        lagEvents.set(((Number) row.get("n")).longValue());
        lagMillis.set(((Number) row.get("age_ms")).longValue());
    }
}
