package io.hub.contracts.events;

import java.util.List;

/**
 * The relay's view of the transactional outbox. {@link #claimBatch} and {@link #markPublished} run in one
 * database transaction that the relay route holds open while Kafka acknowledges the batch, so a crash or a
 * Kafka outage leaves the rows unpublished and they are sent again (at-least-once; consumers dedupe on ce_id).
 */
public interface OutboxPort {
    /**
     * Locks and returns up to {@code max} unpublished rows in id order, or an empty list when another node's
     * relay holds the relay lock (one relay at a time keeps per-key order).
     */
    List<OutboxRecord> claimBatch(int max);

    /** Marks the rows as published: they leave the outbox (the ledger keeps the record, Kafka the event). */
    void markPublished(List<OutboxRecord> records);
}
