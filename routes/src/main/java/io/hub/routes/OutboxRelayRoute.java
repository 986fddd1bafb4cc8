package io.hub.routes;

import io.hub.contracts.events.OutboxPort;
import io.hub.contracts.events.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;

/**
 * Publishes the transactional outbox to Kafka. On every tick, inside one database transaction: claim a batch
 * of unpublished rows, send them as one Kafka batch (idempotent producer, {@code acks=all}, the send waits for
 * every acknowledgement), mark them published, commit. If Kafka is down the send fails, the transaction rolls
 * back and the rows wait for the next tick: the ledger keeps working and the outbox drains when Kafka returns.
 *
 * <p>Each record: key = the player account id; CloudEvents binary-mode headers (Kafka protocol binding):
 * {@code ce_id} (the ledger transaction id), {@code ce_type}, {@code ce_source}, {@code ce_time} (RFC 3339),
 * {@code ce_specversion} = 1.0, and {@code content-type: application/json}.
 */
public class OutboxRelayRoute extends RouteBuilder {
    static final String CLAIMED = "hubOutboxClaimed";
    private final OutboxPort outbox;
    private final String kafkaEndpoint;
    private final long periodMs;
    private final int batchSize;

    /**
     * @param kafkaEndpoint a camel-kafka producer endpoint, e.g. {@code kafka:wallet.transactions}; each record's
     *                      own topic overrides the endpoint's
     */
    public OutboxRelayRoute(OutboxPort outbox, String kafkaEndpoint, long periodMs, int batchSize) {
        this.outbox = outbox;
        this.kafkaEndpoint = kafkaEndpoint;
        this.periodMs = periodMs;
        this.batchSize = batchSize;
    }

    @Override
    public void configure() {
        from("timer:outbox-relay?delay=1000&period=" + periodMs).routeId("outbox-relay")
                .transacted()
                .process(e -> e.getMessage().setBody(outbox.claimBatch(batchSize))).id("claim")
                .filter(simple("${body.size} > 0"))
                    .setProperty(CLAIMED, body())
                    .process(OutboxRelayRoute::toKafkaMessages).id("to-records")
                    .to(kafkaEndpoint).id("publish")
                    .process(e -> outbox.markPublished(claimed(e))).id("mark-published")
                .end();
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxRecord> claimed(Exchange e) {
        return e.getProperty(CLAIMED, List.class);
    }

    static void toKafkaMessages(Exchange e) {
        List<OutboxRecord> rows = claimed(e);
        List<Message> messages = new ArrayList<>(rows.size());
        for (OutboxRecord r : rows) {
            Message m = new DefaultMessage(e.getContext());
            m.setBody(r.payload());
            m.setHeader("CamelKafkaOverrideTopic", r.topic());
            m.setHeader("CamelKafkaKey", r.key());
            m.setHeader("ce_specversion", "1.0");
            m.setHeader("ce_id", r.eventId());
            m.setHeader("ce_type", r.eventType());
            m.setHeader("ce_source", r.source());
            m.setHeader("ce_time", r.time().toString());
            m.setHeader("content-type", "application/json");
            messages.add(m);
        }
        e.getMessage().setBody(messages);
    }
}
