package io.hub.contracts.events;

import java.time.Instant;

/**
 * One event row of the transactional outbox, written in the same database transaction as the ledger
 * change it describes, published to Kafka by the relay route.
 *
 * @param id        outbox sequence number (publication order per key)
 * @param topic     Kafka topic, e.g. {@code wallet.transactions}
 * @param key       Kafka record key: the player account id, so one player's events stay in order
 * @param eventId   CloudEvents {@code id} (the ledger transaction id)
 * @param eventType CloudEvents {@code type}, e.g. {@code io.hub.wallet.transaction.v1}
 * @param source    CloudEvents {@code source}, e.g. {@code /hub/ledger}
 * @param time      CloudEvents {@code time}: when the transaction was committed
 * @param payload   JSON body (CloudEvents binary mode: the body is the data)
 */
public record OutboxRecord(long id, String topic, String key, String eventId, String eventType, String source,
                           Instant time, String payload) {
}
