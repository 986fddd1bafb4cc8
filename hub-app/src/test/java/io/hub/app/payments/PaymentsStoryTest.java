package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole story against the embedded PostgreSQL and Kafka and the WireMock gateway simulator: KYC approved by a signed
 * Sumsub webhook → deposit (the simulated gateway confirms with a signed Standard Webhooks delivery) → bets in the lobby
 * until a win → withdrawal of the whole balance (submitted, paid by webhook); balances, states, Kafka records and the
 * ledger check.
 */
class PaymentsStoryTest extends PaymentsTestSupport {

    @Test
    void deposit_bet_win_withdrawal() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        Tokens t = login(p.username(), p.password());
        approveKyc(p);

        JsonNode dep = deposit(t.accessToken(), "50.00");
        String depositId = dep.get("depositId").asText();
        assertThat(dep.get("status").asText()).isEqualTo("PENDING");
        assertThat(dep.get("amount").asText()).isEqualTo("50.00");
        assertThat(dep.get("redirectUrl").asText()).endsWith("/simpay/checkout/pay_" + depositId);
        await().atMost(Duration.ofSeconds(15)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(cashMinor(p.id())).isEqualTo(5_000);
        assertThat(json(get("/payments/deposits/" + depositId, t.accessToken()).body()).get("status").asText()).isEqualTo("SUCCEEDED");

        long won = 0;
        try (Lobby lobby = openLobby(t.wsToken())) {
            for (int i = 0; i < 200 && won == 0; i++) {
                JsonNode spin = lobby.spin("red-white-blue", "1.00", "story-" + i);
                assertThat(spin.path("type").asText()).as(spin.toString()).isEqualTo("spinResult");
                won = new java.math.BigDecimal(spin.get("payout").asText()).movePointRight(2).longValueExact();
            }
        }
        assertThat(won).as("a win within 200 spins").isPositive();
        long cash = cashMinor(p.id());
        assertThat(cash).isPositive();
        String all = String.format("%d.%02d", cash / 100, cash % 100);

        JsonNode w = withdraw(t.accessToken(), all);
        String withdrawalId = w.get("withdrawalId").asText();
        assertThat(w.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(cashMinor(p.id())).isZero();
        assertThat(heldMinor(p.id())).isEqualTo(cash);
        await().atMost(Duration.ofSeconds(15)).until(() -> withdrawalStatus(withdrawalId).equals("PAID"));
        assertThat(cashMinor(p.id())).isZero();
        assertThat(heldMinor(p.id())).isZero();
        assertThat(json(get("/payments/withdrawals/" + withdrawalId, t.accessToken()).body()).get("status").asText()).isEqualTo("PAID");

        JsonNode history = json(get("/payments?page=0&size=20", t.accessToken()).body());
        assertThat(history.get("items")).hasSize(2);
        assertThat(history.get("items").get(0).get("kind").asText()).isEqualTo("WITHDRAWAL");
        assertThat(history.get("items").get(1).get("kind").asText()).isEqualTo("DEPOSIT");

        String key = p.id().toString();
        List<ConsumerRecord<String, String>> records = readTopics(List.of("payments.deposits", "payments.withdrawals", "kyc.applicants"),
                rs -> rs.stream().filter(r -> key.equals(r.key())).filter(r -> r.value().contains("\"PAID\"")).count() >= 1
                        && rs.stream().filter(r -> key.equals(r.key()) && r.topic().equals("kyc.applicants")).count() >= 1
                        && rs.stream().filter(r -> key.equals(r.key()) && r.value().contains("\"SUCCEEDED\"")).count() >= 1);
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> key.equals(r.key())).toList();
        assertThat(mine.stream().filter(r -> r.topic().equals("payments.deposits")).map(r -> json(r.value()).get("status").asText()))
                .containsExactly("PENDING", "SUCCEEDED");
        assertThat(mine.stream().filter(r -> r.topic().equals("payments.withdrawals")).map(r -> json(r.value()).get("status").asText()))
                .containsExactly("REQUESTED", "SUBMITTED", "PAID");
        assertThat(mine.stream().filter(r -> r.topic().equals("kyc.applicants")).map(r -> json(r.value()).get("status").asText()))
                .containsExactly("APPROVED");
        ConsumerRecord<String, String> paid = mine.stream().filter(r -> r.value().contains("\"PAID\"")).findFirst().orElseThrow();
        assertThat(header(paid, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(paid, "ce_type")).isEqualTo("io.hub.payments.withdrawal.v1");
        assertThat(header(paid, "ce_source")).isEqualTo("/hub/payments");
        assertThat(header(paid, "ce_id")).isNotBlank();
        assertThat(header(paid, "content-type")).isEqualTo("application/json");
        assertThat(json(paid.value()).get("amount").asText()).isEqualTo(all);

        // the wallet topic carries the money movements: the deposit credit and the payout of the hold
        List<ConsumerRecord<String, String>> wallet = readWalletTopic(rs -> rs.stream().anyMatch(r -> r.value().contains("WITHDRAWAL_PAID")
                && r.value().contains(withdrawalId)));
        assertThat(wallet.stream().filter(r -> r.value().contains(depositId) && r.value().contains("\"DEPOSIT\""))).hasSize(1);
        assertThat(wallet.stream().filter(r -> r.value().contains(withdrawalId) && r.value().contains("WITHDRAWAL_PAID"))).hasSize(1);
        assertLedgerBalanced();
        assertThat(json(get("/operator/ledger/check", operatorToken()).body()).get("balanced").asBoolean()).isTrue();
        assertThat(UUID.fromString(withdrawalId)).isNotNull();
    }
}
