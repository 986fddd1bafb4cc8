package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group commit of the webhook inbox ({@link InboxBatchWriter}): per delivery the answer is that of a single-row insert,
 * whatever batch the delivery shared.
 */
class InboxBatchWriterTest extends PaymentsTestSupport {
    @Autowired
    InboxBatchWriter writer;

    private static InboxBatchWriter.Row row(String eventId, String currency) {
        return new InboxBatchWriter.Row("payments", "batch-test", "standard-webhooks", eventId, "bench.ping", "OTHER", "IGNORED",
                null, 100L, currency, "{}", ("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8),
                Timestamp.from(Instant.now()), "IGNORED");
    }

    private int stored(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE endpoint_id = 'batch-test' AND event_id = ?", Integer.class, eventId);
    }

    @Test
    void one_batch_writes_each_event_once_and_answers_in_batch_and_earlier_copies_as_duplicates() {
        String a = "evt_" + UUID.randomUUID();
        String b = "evt_" + UUID.randomUUID();
        String earlier = "evt_" + UUID.randomUUID();
        assertThat(writer.insertAll(List.of(row(earlier, "EUR")))).containsExactly(true);

        boolean[] written = writer.insertAll(List.of(row(a, "EUR"), row(b, "EUR"), row(a, "EUR"), row(earlier, "EUR")));

        assertThat(written).containsExactly(true, true, false, false);
        assertThat(stored(a)).isEqualTo(1);
        assertThat(stored(b)).isEqualTo(1);
        assertThat(stored(earlier)).isEqualTo(1);
    }

    @Test
    void concurrent_deliveries_of_one_event_store_one_row_and_exactly_one_is_answered_new() throws Exception {
        String id = "evt_" + UUID.randomUUID();
        List<Boolean> answers = concurrently(12, i -> writer.insert(row(id, "EUR")));
        assertThat(answers).hasSize(12).containsOnlyOnce(true);
        assertThat(answers.stream().filter(x -> !x).count()).isEqualTo(11);
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void a_row_the_database_refuses_fails_only_its_own_delivery_not_the_batch_it_shared() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) ids.add("evt_" + UUID.randomUUID());
        // currency is char(3): "EURO" is refused by PostgreSQL (value too long), the other 15 rows are fine
        List<Object> answers = concurrently(16, i -> {
            try {
                return writer.insert(row(ids.get(i), i == 7 ? "EURO" : "EUR"));
            } catch (IllegalStateException | org.springframework.dao.DataAccessException e) {
                return e;
            }
        });
        for (int i = 0; i < 16; i++) {
            if (i == 7) {
                assertThat(answers.get(i)).isInstanceOf(RuntimeException.class);
                assertThat(stored(ids.get(i))).isZero();
            } else {
                assertThat(answers.get(i)).isEqualTo(true);
                assertThat(stored(ids.get(i))).isEqualTo(1);
            }
        }
        assertThatThrownBy(() -> writer.insert(row("evt_" + UUID.randomUUID(), "EURO"))).isInstanceOf(RuntimeException.class);
    }
}
