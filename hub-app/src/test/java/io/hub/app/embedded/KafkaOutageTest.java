package io.hub.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.ledger.LedgerTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "If Kafka is down the ledger keeps working and the outbox drains when it returns": the embedded Kafka node is
 * stopped, adjustments and spins still succeed at once while the outbox lag grows, and after the node restarts
 * (same ports, same log) every row is published and readable from the topic. Kafka is restarted in a finally
 * block, so the test classes running after this one in the JVM find it up.
 */
class KafkaOutageTest extends LedgerTestSupport {
    @Autowired
    MeterRegistry meters;

    @Test
    void ifKafkaIsDownTheLedgerKeepsWorkingAndTheOutboxDrainsWhenItReturns() throws Exception {
        TestPlayer player = newPlayer("EUR", "50.00");
        String op = operatorToken();
        Tokens tokens = login(player.username(), player.password());
        try (Lobby lobby = openLobby(tokens.wsToken())) {
            awaitUnpublished(0);
            List<String> adjustments = new ArrayList<>();
            List<String> spins = new ArrayList<>();

            EmbeddedInfrastructure.stopKafkaForTest();
            try {
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r = post("/operator/players/" + player.id() + "/adjustments",
                            "{\"direction\":\"CREDIT\",\"amount\":\"1.00\",\"reason\":\"during outage\"}", op,
                            "Idempotency-Key", "outage-" + UUID.randomUUID());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    adjustments.add(json(r.body()).get("transactionId").asText());
                }
                for (int i = 0; i < 3; i++) {
                    JsonNode r = lobby.spin("red-white-blue", "1.00", "outage-" + UUID.randomUUID());
                    assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");
                    spins.add(r.get("roundId").asText());
                }
                long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
                // nothing waits for Kafka: the producer alone would block up to max-block-ms (5 s) per send
                assertThat(elapsedMs).as("5 adjustments and 3 spins without Kafka took %d ms", elapsedMs).isLessThan(10_000);

                // 5 adjustments + a hold and a settle per spin, none published
                Set<String> written = transactionIdsSince(player.id(), adjustments.get(0));
                assertThat(written).hasSize(5 + 2 * 3).containsAll(adjustments);
                assertThat(unpublished(written)).isEqualTo(written.size());
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(meters.get("hub.outbox.lag.events").gauge().value()).isGreaterThanOrEqualTo(written.size()));
                assertThat(EmbeddedInfrastructure.kafkaRunningForTest()).isFalse();
            } finally {
                EmbeddedInfrastructure.restartKafkaForTest();
            }

            Set<String> written = transactionIdsSince(player.id(), adjustments.get(0));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unpublished(written)).isZero());
            awaitUnpublished(0);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get("hub.outbox.lag.events").gauge().value()).isZero());

            List<ConsumerRecord<String, String>> records = readWalletTopic(rs -> rs.stream()
                    .map(r -> header(r, "ce_id")).collect(Collectors.toSet()).containsAll(written));
            List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> written.contains(header(r, "ce_id"))).toList();
            assertThat(ours.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())).isEqualTo(written);
            String walletKey = Long.toString(accounts.player(player.id()).orElseThrow().cash().id());
            assertThat(ours).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(walletKey);
                assertThat(header(r, "ce_type")).isEqualTo("io.hub.wallet.transaction.v1");
            });
            assertThat(spins).hasSize(3);

            // the lobby's wallet-topic consumer is back too: a new adjustment reaches the open socket as a balance push
            HttpResponse<String> after = post("/operator/players/" + player.id() + "/adjustments",
                    "{\"direction\":\"CREDIT\",\"amount\":\"2.00\",\"reason\":\"after outage\"}", op,
                    "Idempotency-Key", "outage-" + UUID.randomUUID());
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
            String balanceAfter = json(after.body()).get("balance").asText();
            JsonNode push = lobby.next(f -> f.get("type").asText().equals("balance") && !f.has("requestId")
                    && f.get("balance").asText().equals(balanceAfter), Duration.ofSeconds(30));
            assertThat(push).as("balance push of %s after Kafka returned", balanceAfter).isNotNull();
        } finally {
            EmbeddedInfrastructure.restartKafkaForTest(); // no-op when running; a safety net if the body failed early
        }
        assertLedgerBalanced();
    }

    /** Ids of the player's ledger transactions from {@code firstId} on. */
    private Set<String> transactionIdsSince(UUID playerId, String firstId) {
        return Set.copyOf(jdbc.queryForList("SELECT id::text FROM ledger_transaction WHERE player_id = ? "
                        + "AND created_at >= (SELECT created_at FROM ledger_transaction WHERE id = ?::uuid)",
                String.class, playerId, firstId));
    }

    private long unpublished(Set<String> eventIds) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ANY(?)", Long.class,
                (Object) eventIds.toArray(String[]::new));
    }

    private void awaitUnpublished(long n) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class)).isEqualTo(n));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
