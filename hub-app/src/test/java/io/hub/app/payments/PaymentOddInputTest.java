package io.hub.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Odd payment input found by the fresh-eyes review of the default run: a deposit whose credit could never post was
 * accepted (its success webhook then failed in the inbox for ever, with a stack trace every retry), and a signed
 * webhook whose event id held a NUL character got a 503 "retry" (PostgreSQL text cannot hold U+0000).
 */
class PaymentOddInputTest extends PaymentsTestSupport {

    @Test
    void aDepositThatWouldOverflowTheBalanceIsRefusedBeforeTheGatewayIsCalled() {
        TestPlayer p = newPlayer("EUR", "100.00");
        String token = login(p.username(), p.password()).accessToken();
        // Long.MAX_VALUE minor units: fits a long alone, but not on top of the 100.00 the player holds
        HttpResponse<String> r = post("/payments/deposits", "{\"amount\":\"92233720368547758.07\",\"currency\":\"EUR\"}", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deposit WHERE player_id = ?", Long.class, p.id())).isZero();
        // an ordinary deposit of the same player is still accepted
        assertThat(deposit(token, "10.00").get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aSignedWebhookWithANulCharacterInItsEventIdIsMalformedNotA503() throws Exception {
        String evt = "evt_" + UUID.randomUUID() + "\\u0000x";
        String body = "{\"id\":\"" + evt + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"id\":\"pi_nul\",\"object\":\"payment_intent\",\"amount\":100,\"currency\":\"eur\"}}}";
        long before = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox", Long.class);

        HttpResponse<String> r = sendStripe(STRIPE_NEW, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).get("error").asText()).isEqualTo("MALFORMED_BODY");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_inbox", Long.class)).isEqualTo(before);
    }
}
