package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Protocol answers of providers.md §4: every Evolution answer carries the player's balance (shape C "standard
 * response"), so a bad-parameter refusal of an authenticated request for a known player carries the real one, not 0;
 * a promo payout needs no game (shape C lists only {@code promoTransaction}); Pragmatic has no idempotency-conflict
 * code (shape B), so a reused reference with other content keeps 120 "no retry" but says what happened.
 */
class EvolutionAndPragmaticAnswersTest extends ProviderWalletTestSupport {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");

    private ProviderCallbackAnswer evolution(TestProvider p, String op, ObjectNode body, String authToken) {
        return send(new ProviderCallback(p.id(), op, body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"), Map.of("authToken", authToken)));
    }

    private static ObjectNode debit(String sid, String userId, String txId, String amount) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sid", sid).put("userId", userId).put("uuid", "u-" + txId).put("currency", "EUR");
        o.putObject("game").put("id", "g-" + txId).put("type", "blackjack").putObject("details").putObject("table").put("id", "game-1");
        o.putObject("transaction").put("id", txId).put("refId", txId).put("amount", new java.math.BigDecimal(amount));
        return o;
    }

    @Test
    void evolution_invalid_parameter_for_a_known_player_carries_the_real_balance_not_0() {
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String token = p.config().credentials().apiToken();
        String k = UUID.randomUUID().toString().substring(0, 8);

        // an amount EUR cannot hold (decode refusal), an over-long transaction id (wallet refusal before its transaction)
        ProviderCallbackAnswer fraction = evolution(p, "debit", debit(s.token(), s.playerId().toString(), "A" + k, "1.001"), token);
        assertThat(fraction.httpStatus()).isEqualTo(200);
        JsonNode j = json(fraction.bodyText());
        assertThat(j.get("status").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(j.get("balance").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(j.get("bonus").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(j.get("uuid").asText()).isEqualTo("u-A" + k);
        JsonNode longId = json(evolution(p, "debit", debit(s.token(), s.playerId().toString(), "L".repeat(200), "1.00"), token).bodyText());
        assertThat(longId.get("status").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(longId.get("balance").decimalValue()).isEqualByComparingTo("100.00");
        // a missing field of an otherwise readable request
        ObjectNode noTx = debit(s.token(), s.playerId().toString(), "B" + k, "1.00");
        noTx.remove("transaction");
        assertThat(json(evolution(p, "debit", noTx, token).bodyText()).get("balance").decimalValue()).isEqualByComparingTo("100.00");

        // an unknown player: 0 (nothing to tell)
        JsonNode unknown = json(evolution(p, "debit", debit(s.token(), UUID.randomUUID().toString(), "C" + k, "1.001"), token).bodyText());
        assertThat(unknown.get("status").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(unknown.get("balance").decimalValue()).isEqualByComparingTo("0");
        // a wrong authToken: INVALID_TOKEN_ID (401) with 0, deliberately: the caller is not authenticated, and the
        // balance would tell anyone who knows a player id that player's money
        ProviderCallbackAnswer wrong = evolution(p, "debit", debit(s.token(), s.playerId().toString(), "D" + k, "1.00"), "not-the-token");
        assertThat(wrong.httpStatus()).isEqualTo(401);
        assertThat(json(wrong.bodyText()).get("status").asText()).isEqualTo("INVALID_TOKEN_ID");
        assertThat(json(wrong.bodyText()).get("balance").decimalValue()).isEqualByComparingTo("0");

        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId())).isZero();
    }

    @Test
    void evolution_promo_payout_without_a_game_is_paid_once() {
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "100.00");
        String token = p.config().credentials().apiToken();
        String k = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode withNull = JSON.createObjectNode();
        withNull.put("sid", s.token()).put("userId", s.playerId().toString()).put("uuid", "p1-" + k).put("currency", "EUR").putNull("game");
        withNull.putObject("promoTransaction").put("type", "FREE_ROUND_PLAYABLE_SPENT_PROMO_PAYOUT").put("id", "P1" + k)
                .put("amount", new java.math.BigDecimal("10.00")).put("voucherId", "v-" + k);
        JsonNode first = json(evolution(p, "promo_payout", withNull, token).bodyText());
        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.get("balance").decimalValue()).isEqualByComparingTo("110.00");
        // the same payout again pays nothing ([E1] Test_doublePromoPayouts)
        assertThat(json(evolution(p, "promo_payout", withNull, token).bodyText()).get("balance").decimalValue()).isEqualByComparingTo("110.00");

        ObjectNode absent = withNull.deepCopy();
        absent.remove("game");
        ((ObjectNode) absent.get("promoTransaction")).put("id", "P2" + k);
        assertThat(json(evolution(p, "promo_payout", absent, token).bodyText()).get("status").asText()).isEqualTo("OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(12_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(2);
        assertLedgerBalanced();
    }

    @Test
    void pragmatic_same_reference_with_a_different_amount_is_120_with_an_accurate_description_and_writes_nothing() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(json(call(p, "bet", s, s.token(), "A" + k, null, "1" + Math.abs(k.hashCode()), "10.00", false).bodyText())
                .get("error").asInt()).isZero();
        ProviderCallbackAnswer conflict = send(p.driver().render(new ProtocolDriver.Call("bet", p.id(), s.playerId().toString(),
                s.token(), "A" + k, null, "1" + Math.abs(k.hashCode()), Money.parse("5.00", EUR), false, "r2")));
        JsonNode j = json(conflict.bodyText());
        assertThat(conflict.httpStatus()).isEqualTo(200);
        assertThat(j.get("error").asInt()).isEqualTo(120);
        assertThat(j.get("description").asText()).doesNotContain("Internal server error").contains("reference", "different");
        assertThat(j.get("cash").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(1);
    }
}
