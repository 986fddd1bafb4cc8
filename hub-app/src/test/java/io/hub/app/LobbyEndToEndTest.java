package io.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The foundation's end-to-end story with real clients: login as demo, open the lobby, spin 50 times checking
 * every answer, final balance = 1,000.00 - bets + wins, the 100+ records read back from Kafka with their
 * CloudEvents headers, and the ledger check.
 */
class LobbyEndToEndTest extends HubIntegrationTest {

    @Test
    void demoSpinsFiftyTimesAndEveryTransactionReachesKafka() throws Exception {
        Tokens t = login("demo", "demo");
        UUID demoId = UUID.fromString(json(get("/operator/players?limit=500", operatorToken()).body()).findParents("username")
                .stream().filter(n -> n.get("username").asText().equals("demo")).findFirst().orElseThrow().get("playerId").asText());
        try (Lobby lobby = openLobby(t.wsToken())) {
            BigDecimal start = new BigDecimal(lobby.balance().get("balance").asText());
            BigDecimal balance = start;
            BigDecimal bets = BigDecimal.ZERO;
            BigDecimal wins = BigDecimal.ZERO;
            Set<String> rounds = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                String rid = "e2e-" + i + "-" + UUID.randomUUID();
                JsonNode r = lobby.spin("red-white-blue", "1.00", rid);
                assertThat(r.get("type").asText()).as(r.toString()).isEqualTo("spinResult");
                assertThat(r.get("requestId").asText()).isEqualTo(rid);
                assertThat(r.get("currency").asText()).isEqualTo("EUR");
                assertThat(r.get("result")).hasSize(3);
                r.get("result").forEach(reel -> assertThat(reel).hasSize(1));
                BigDecimal payout = new BigDecimal(r.get("payout").asText());
                BigDecimal after = new BigDecimal(r.get("balance").asText());
                assertThat(payout.scale()).isEqualTo(2);
                assertThat(after).isEqualByComparingTo(balance.subtract(new BigDecimal("1.00")).add(payout));
                assertThat(rounds.add(r.get("roundId").asText())).isTrue();
                balance = after;
                bets = bets.add(new BigDecimal("1.00"));
                wins = wins.add(payout);
            }
            assertThat(balance).isEqualByComparingTo(start.subtract(bets).add(wins));
            assertThat(new BigDecimal(lobby.balance().get("balance").asText())).isEqualByComparingTo(balance);
            if (start.compareTo(new BigDecimal("1000.00")) == 0) {
                assertThat(balance).isEqualByComparingTo(new BigDecimal("1000.00").subtract(bets).add(wins));
            }
        }

        // every ledger transaction of the demo player reached Kafka: 1 funding + 50 holds + 50 settles
        long demoTransactions = jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ?", Long.class, demoId);
        assertThat(demoTransactions).isGreaterThanOrEqualTo(101);
        List<ConsumerRecord<String, String>> records = readWalletTopic(rs -> rs.stream()
                .filter(r -> r.value().contains(demoId.toString())).count() >= demoTransactions);
        List<ConsumerRecord<String, String>> demo = records.stream().filter(r -> r.value().contains(demoId.toString())).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo((int) demoTransactions);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : demo) {
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_type")).isEqualTo("io.hub.wallet.transaction.v1");
            assertThat(header(r, "ce_source")).isEqualTo("/hub/ledger");
            assertThat(header(r, "ce_time")).isNotBlank();
            String ceId = header(r, "ce_id");
            JsonNode body = json(r.value());
            assertThat(body.get("transactionId").asText()).isEqualTo(ceId);
            assertThat(ids.add(ceId)).as("ce_id unique").isTrue();
            long sum = 0;
            for (JsonNode p : body.get("postings")) sum += p.get("amountMinor").asLong();
            assertThat(sum).as("postings of %s sum to zero", ceId).isZero();
        }
        // one key per player: every demo record is keyed by the same cash account
        assertThat(demo.stream().map(ConsumerRecord::key).distinct()).hasSize(1);
        assertLedgerBalanced();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
