package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulated gateway also speaks the Stripe scheme: a deposit and a withdrawal through the {@code stripe} gateway
 * complete end to end on Stripe-signed webhooks ({@code payment_intent.succeeded}, {@code payout.paid}), each applied once.
 */
class StripeSimulatorTest extends PaymentsTestSupport {

    @Test
    void a_deposit_and_a_withdrawal_through_the_stripe_gateway_complete_on_stripe_signed_webhooks() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        approveKyc(p);

        String depositId = deposit(token, "21.50", "stripe").get("depositId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> depositStatus(depositId).equals("SUCCEEDED"));
        assertThat(cashMinor(p.id())).isEqualTo(2_150);
        assertThat(jdbc.queryForObject("SELECT vendor || ' ' || event_type || ' ' || state FROM webhook_inbox WHERE endpoint_id = 'stripe' "
                + "AND event_id = ?", String.class, "evt_sim_payment_" + depositId)).isEqualTo("stripe payment_intent.succeeded PROCESSED");

        HttpResponse<String> w = post("/payments/withdrawals", "{\"amount\":\"20.00\",\"currency\":\"EUR\",\"gatewayId\":\"stripe\"}", token);
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        JsonNode withdrawal = json(w.body());
        String withdrawalId = withdrawal.get("withdrawalId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> withdrawalStatus(withdrawalId).equals("PAID"));
        assertThat(cashMinor(p.id())).isEqualTo(150);
        assertThat(heldMinor(p.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT event_type || ' ' || state FROM webhook_inbox WHERE endpoint_id = 'stripe' AND event_id = ?",
                String.class, "evt_sim_payout_" + withdrawalId)).isEqualTo("payout.paid PROCESSED");
        assertLedgerBalanced();
    }
}
