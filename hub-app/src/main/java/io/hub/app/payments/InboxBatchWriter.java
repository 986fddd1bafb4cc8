package io.hub.app.payments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Group commit for the webhook inbox: verified deliveries arriving on many request threads are inserted together, one
 * multi-row {@code INSERT … ON CONFLICT ON CONSTRAINT webhook_inbox_event DO NOTHING RETURNING} statement and one commit
 * per batch, and each delivery is answered only after the commit that carries its row (payments.md §2: "store, then
 * answer 2xx").
 *
 * <p>Semantics per delivery are those of a single-row insert: {@link #insert} returns {@code true} when this delivery's
 * row was written and {@code false} when the event id was already stored (an earlier delivery, a concurrent one in
 * another batch that won the unique key, or an earlier delivery of the same event id in the same batch: the first in
 * arrival order is written, the others are duplicates). It throws when the row could not be stored (the route answers
 * 503 and the sender retries). A batch the database refuses is retried row by row, so one bad row fails only its own
 * delivery.
 *
 * <p>Why: at the webhook benchmark's 16 senders every delivery was one statement and one commit (WAL flush) of its own;
 * a batch shares the commit, the round trip and the connection checkout. With {@code hub.payments.intake.batch-size=1}
 * (or before the writers start and after they stop) the row is inserted on the caller's thread as before.
 */
@Component
public class InboxBatchWriter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxBatchWriter.class);
    private static final String INSERT = "INSERT INTO webhook_inbox (channel, endpoint_id, vendor, event_id, event_type, subject, "
            + "status, reference, amount_minor, currency, attributes, raw_body, occurred_at, state) VALUES ";
    private static final String TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)";
    private static final String CONFLICT = " ON CONFLICT ON CONSTRAINT webhook_inbox_event DO NOTHING RETURNING endpoint_id, event_id";

    /**
     * One verified delivery as the inbox stores it (columns of {@code webhook_inbox}, V5 migration).
     *
     * @param amountMinor    minor units of {@code currency}, or null when the event carries no amount
     * @param attributesJson the event's canonical attributes as a JSON object text
     * @param rawBody        the verified bytes, kept for audit
     * @param state          {@code RECEIVED}, or {@code IGNORED} for event types the hub does not act on
     */
    public record Row(String channel, String endpointId, String vendor, String eventId, String eventType, String subject,
                      String status, String reference, Long amountMinor, String currency, String attributesJson,
                      byte[] rawBody, Timestamp occurredAt, String state) {
        String key() {
            return endpointId + '\u0000' + eventId;
        }
    }

    private static final class Pending {
        final Row row;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();

        Pending(Row row) {
            this.row = row;
        }
    }

    private final JdbcTemplate jdbc;
    private final InboxIntakeProperties props;
    /** Batch statements, and the deliveries they carried: the mean batch size is their ratio (counters, no floating point here). */
    private final Counter batches;
    private final Counter batchedDeliveries;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    public InboxBatchWriter(JdbcTemplate jdbc, InboxIntakeProperties props, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.props = props;
        this.batches = Counter.builder("hub.webhook.inbox.batches")
                .description("multi-row inbox insert statements (one commit each) written by the group-commit writers").register(meters);
        this.batchedDeliveries = Counter.builder("hub.webhook.inbox.batched.deliveries")
                .description("webhook deliveries carried by those statements").register(meters);
    }

    /**
     * Stores one verified delivery; blocks until the commit carrying it (at most {@code hub.payments.intake.timeout}).
     *
     * @return true if this delivery's row was written, false if its event id was already in the inbox
     * @throws IllegalStateException if the row could not be stored or the commit did not come in time
     */
    public boolean insert(Row row) {
        if (!running || props.batchSize() == 1) return insertAll(List.of(row))[0];
        Pending p = new Pending(row);
        queue.add(p);
        try {
            return p.done.get(props.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("inbox write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("inbox write not committed within " + props.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the inbox write");
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(props.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, props.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                log.error("inbox writer: unexpected failure", e);
                for (Pending p : batch) p.done.completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Row> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) rows.add(p.row);
        try {
            boolean[] written = insertAll(rows);
            batches.increment();
            for (int i = 0; i < batch.size(); i++) batchedDeliveries.increment();
            for (int i = 0; i < batch.size(); i++) batch.get(i).done.complete(written[i]);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            log.warn("inbox batch of {} refused ({}); writing its rows one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                try {
                    p.done.complete(insertAll(List.of(p.row))[0]);
                } catch (RuntimeException one) {
                    p.done.completeExceptionally(one);
                }
            }
        }
    }

    /** One statement for all rows; element i is true when row i was written (see the class comment for duplicates). */
    boolean[] insertAll(List<Row> rows) {
        Map<String, Integer> first = new HashMap<>();
        List<Row> distinct = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (first.putIfAbsent(rows.get(i).key(), i) == null) distinct.add(rows.get(i));
        }
        StringBuilder sql = new StringBuilder(INSERT.length() + CONFLICT.length() + distinct.size() * (TUPLE.length() + 2)).append(INSERT);
        List<Object> args = new ArrayList<>(distinct.size() * 14);
        for (int i = 0; i < distinct.size(); i++) {
            Row r = distinct.get(i);
            sql.append(i == 0 ? "" : ", ").append(TUPLE);
            args.add(r.channel());
            args.add(r.endpointId());
            args.add(r.vendor());
            args.add(r.eventId());
            args.add(r.eventType());
            args.add(r.subject());
            args.add(r.status());
            args.add(r.reference());
            args.add(r.amountMinor());
            args.add(r.currency());
            args.add(r.attributesJson());
            args.add(r.rawBody());
            args.add(r.occurredAt());
            args.add(r.state());
        }
        sql.append(CONFLICT);
        Set<String> written = new HashSet<>(jdbc.query(sql.toString(), (rs, n) -> rs.getString(1) + '\u0000' + rs.getString(2), args.toArray()));
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).key();
            out[i] = first.get(key) == i && written.contains(key);
        }
        return out;
    }

    @Override
    public void start() {
        if (running || props.batchSize() == 1) return;
        running = true;
        for (int i = 0; i < props.writers(); i++) {
            Thread t = new Thread(this::writeLoop, "inbox-writer-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /** Stops taking new batches; rows already queued are written before the writers end. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(props.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        Pending left;
        while ((left = queue.poll()) != null) left.done.completeExceptionally(new IllegalStateException("the hub is shutting down"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server (lower phase: started earlier, stopped later), so in-flight deliveries still get their commit. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
