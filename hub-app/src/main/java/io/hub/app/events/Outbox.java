package io.hub.app.events;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the transactional outbox. Must be called inside the database transaction of the change
 * the event describes ({@link Propagation#MANDATORY}), so the event exists if and only if the change does.
 */
@Component
public class Outbox {
    /** CloudEvents {@code source} of ledger events. */
    public static final String LEDGER_SOURCE = "/hub/ledger";
    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param topic     Kafka topic
     * @param key       Kafka record key (per-key order is kept)
     * @param eventId   CloudEvents id, unique
     * @param eventType CloudEvents type, e.g. {@code io.hub.wallet.transaction.v1}
     * @param source    CloudEvents source
     * @param payload   JSON text
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String eventId, String eventType, String source, Instant time, String payload) {
        jdbc.update("INSERT INTO outbox (topic, message_key, event_id, event_type, event_source, payload, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?::json, ?)",
                topic, key, eventId, eventType, source, payload, Timestamp.from(time));
    }
}
