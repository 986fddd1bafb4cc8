package io.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.events.OutboxPort;
import io.hub.contracts.events.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link OutboxRelayRoute}: claim, convert, publish, mark, inside one (recorded) transaction. The timer is replaced
 * by {@code direct:tick} and Kafka by {@code mock:kafka}; {@code .transacted()} finds the recording policy under
 * the conventional name {@code PROPAGATION_REQUIRED}, as it would find Spring's in the application.
 */
class OutboxRelayRouteTest extends CamelTestSupport {
    private static final OutboxRecord FIRST = new OutboxRecord(41, "wallet.transactions", "acc-1",
            "7b0c8a3e-0000-4000-8000-000000000001", "io.hub.wallet.transaction.v1", "/hub/ledger",
            Instant.parse("2025-03-04T05:06:07.123Z"), "{\"n\":1}");
    private static final OutboxRecord SECOND = new OutboxRecord(42, "wallet.audit", "acc-2",
            "7b0c8a3e-0000-4000-8000-000000000002", "io.hub.wallet.hold.v1", "/hub/lobby",
            Instant.parse("2025-03-04T05:06:08Z"), "{\"n\":2}");

    /** What happened, in order: the transaction's begin/commit/rollback and the outbox calls inside it. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final RecordingTransactionPolicy tx = new RecordingTransactionPolicy(events);
    private final FakeOutbox outbox = new FakeOutbox(events);

    /** The relay's port: hands out the queued batch once, records what was marked published. */
    static final class FakeOutbox implements OutboxPort {
        final List<List<OutboxRecord>> batches = new CopyOnWriteArrayList<>();
        final List<Integer> claimedWithMax = new CopyOnWriteArrayList<>();
        final List<List<OutboxRecord>> published = new CopyOnWriteArrayList<>();
        final List<String> events;

        FakeOutbox(List<String> events) {
            this.events = events;
        }

        @Override
        public List<OutboxRecord> claimBatch(int max) {
            claimedWithMax.add(max);
            events.add("claim");
            return batches.isEmpty() ? List.of() : batches.remove(0);
        }

        @Override
        public void markPublished(List<OutboxRecord> records) {
            events.add("mark-published");
            published.add(List.copyOf(records));
        }
    }

    /**
     * Stands in for camel-spring's transaction policy and error handler: records begin, then commit or rollback around
     * the rest of the route. Like {@code TransactionErrorHandler} it rolls back on an exception or when the route
     * marked the exchange rollback-only (the "last" flag is consumed, as there).
     */
    static final class RecordingTransactionPolicy implements TransactedPolicy {
        final List<String> events;

        RecordingTransactionPolicy(List<String> events) {
            this.events = events;
        }

        @Override
        public void beforeWrap(Route route, NamedNode definition) {
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return exchange -> {
                events.add("begin");
                try {
                    processor.process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                boolean rollback = exchange.getException() != null || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast();
                exchange.setRollbackOnlyLast(false);
                events.add(rollback ? "rollback" : "commit");
            };
        }
    }

    @Override
    public void configureContext(CamelContextConfiguration config) {
        super.configureContext(config);
        config.replaceRouteFromWith("outbox-relay", "direct:tick");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("PROPAGATION_REQUIRED", tx);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OutboxRelayRoute(outbox, "mock:kafka", 50, 500);
    }

    private MockEndpoint kafka() {
        return getMockEndpoint("mock:kafka");
    }

    @Test
    void publishes_the_claimed_batch_as_kafka_records_then_marks_it_inside_one_transaction() throws Exception {
        outbox.batches.add(List.of(FIRST, SECOND));
        kafka().expectedMessageCount(1);

        Exchange out = template.request("direct:tick", e -> { });

        assertThat(out.getException()).isNull();
        kafka().assertIsSatisfied();
        List<?> sent = kafka().getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertThat(sent).hasSize(2);
        assertKafkaRecord((Message) sent.get(0), FIRST, "2025-03-04T05:06:07.123Z");
        assertKafkaRecord((Message) sent.get(1), SECOND, "2025-03-04T05:06:08Z");
        assertThat(outbox.claimedWithMax).containsExactly(500);
        assertThat(outbox.published).containsExactly(List.of(FIRST, SECOND));
        assertThat(events).containsExactly("begin", "claim", "mark-published", "commit");
    }

    @Test
    void an_empty_batch_publishes_and_marks_nothing() throws Exception {
        kafka().expectedMessageCount(0);

        Exchange out = template.request("direct:tick", e -> { });

        assertThat(out.getException()).isNull();
        kafka().assertIsSatisfied();
        assertThat(outbox.claimedWithMax).containsExactly(500);
        assertThat(outbox.published).isEmpty();
        assertThat(events).containsExactly("begin", "claim", "commit");
    }

    @Test
    void a_failed_publish_rolls_back_and_leaves_the_rows_unpublished() throws Exception {
        AdviceWith.adviceWith(context, "outbox-relay",
                a -> a.weaveById("publish").replace().throwException(new IllegalStateException("broker unavailable")));
        outbox.batches.add(List.of(FIRST));

        Exchange out = template.request("direct:tick", e -> { });

        assertThat(out.getException()).isInstanceOf(IllegalStateException.class).hasMessage("broker unavailable");
        assertThat(outbox.published).isEmpty();
        assertThat(events).containsExactly("begin", "claim", "rollback");
    }

    @Test
    void a_failed_mark_rolls_back_after_the_send() throws Exception {
        AdviceWith.adviceWith(context, "outbox-relay",
                a -> a.weaveById("mark-published").replace().throwException(new IllegalStateException("lock timeout")));
        outbox.batches.add(List.of(FIRST));
        kafka().expectedMessageCount(1);

        Exchange out = template.request("direct:tick", e -> { });

        kafka().assertIsSatisfied();
        assertThat(out.getException()).hasMessage("lock timeout");
        assertThat(outbox.published).isEmpty();
        assertThat(events).containsExactly("begin", "claim", "rollback");
    }

    @Test
    void to_kafka_messages_maps_every_record_to_a_message_with_cloudevents_headers() {
        Exchange e = new DefaultExchange(context);
        List<OutboxRecord> rows = new ArrayList<>(List.of(FIRST, SECOND));
        e.setProperty(OutboxRelayRoute.CLAIMED, rows);

        OutboxRelayRoute.toKafkaMessages(e);

        List<?> messages = e.getMessage().getBody(List.class);
        assertThat(messages).hasSize(2);
        assertKafkaRecord((Message) messages.get(0), FIRST, "2025-03-04T05:06:07.123Z");
        assertKafkaRecord((Message) messages.get(1), SECOND, "2025-03-04T05:06:08Z");
        assertThat(e.getProperty(OutboxRelayRoute.CLAIMED)).isSameAs(rows);
    }

    @Test
    void to_kafka_messages_of_an_empty_batch_is_an_empty_list() {
        Exchange e = new DefaultExchange(context);
        e.setProperty(OutboxRelayRoute.CLAIMED, List.of());

        OutboxRelayRoute.toKafkaMessages(e);

        assertThat(e.getMessage().getBody(List.class)).isEmpty();
    }

    private static void assertKafkaRecord(Message m, OutboxRecord r, String time) {
        assertThat(m.getBody()).isEqualTo(r.payload());
        assertThat(m.getHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CamelKafkaKey", r.key(),
                "CamelKafkaOverrideTopic", r.topic(),
                "ce_id", r.eventId(),
                "ce_type", r.eventType(),
                "ce_source", r.source(),
                "ce_time", time,
                "ce_specversion", "1.0",
                "content-type", "application/json"));
    }
}
