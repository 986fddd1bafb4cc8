package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.Leg;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.hub88.Hub88Signature;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hub88 amounts and balances are int64 at the protocol scale (providers.md §1 row 7, §3 scenario 17): at scale 5 the
 * largest EUR balance is 92,233,720,368,547.75. A credit whose resulting balance would not fit is refused before
 * anything is written (RS_ERROR_WRONG_TYPES with the real balance), never committed and then answered
 * RS_ERROR_UNKNOWN; a player credited beyond it by another path gets RS_ERROR_WRONG_TYPES without a balance on every
 * call, never RS_ERROR_UNKNOWN, until a bet brings the balance back into range.
 */
class Hub88BalanceLimitTest extends ProviderWalletTestSupport {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    /** 9223372036854775000 at Hub88's scale 5: the amount the reviewer sent. */
    private static final Money INT64_AT_SCALE_5 = Money.ofMinor(9_223_372_036_854_775L, EUR);

    @Autowired
    Ledger ledger;

    private JsonNode signedAnswer(ProviderCallbackAnswer a) {
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(new Hub88Signature(hubKey.publicKey(), PROVIDER_KEYS.getPrivate()).verify(a.body(), a.headers().get("X-Hub88-Signature")))
                .isTrue();
        return json(a.bodyText());
    }

    private ProviderCallbackAnswer send(TestProvider p, String op, Seat s, String tx, String ref, String round, Money amount, String req) {
        return send(p.driver().render(new ProtocolDriver.Call(op, p.id(), s.playerId().toString(), s.token(), tx, ref, round, amount,
                false, req)));
    }

    private long ledgerRows(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ?", Long.class, player);
    }

    private long providerRows(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM provider_transaction WHERE player_id = ?", Long.class, player);
    }

    @Test
    void hub88_win_whose_resulting_balance_overflows_int64_at_scale_5_is_refused_RS_ERROR_WRONG_TYPES_before_anything_is_written() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(signedAnswer(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "1.00", false)).get("status").asText()).isEqualTo("RS_OK");
        long ledgerBefore = ledgerRows(s.playerId());

        ProviderCallbackAnswer a = send(p, "win", s, "W" + k, "A" + k, "R" + k, INT64_AT_SCALE_5, "req-w-" + k);
        assertThat(new String(p.driver().render(new ProtocolDriver.Call("win", p.id(), s.playerId().toString(), s.token(), "W" + k,
                "A" + k, "R" + k, INT64_AT_SCALE_5, false, "x")).body())).contains("\"amount\":9223372036854775000");
        JsonNode j = signedAnswer(a);
        assertThat(j.get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(j.get("balance").asLong()).isEqualTo(9_900_000L);   // the real 99.00 EUR
        assertThat(j.get("request_uuid").asText()).isEqualTo("req-w-" + k);
        assertThat(cashMinor(s.playerId())).isEqualTo(9_900);
        assertThat(ledgerRows(s.playerId())).as("no ledger transaction (and so no outbox row / Kafka record)").isEqualTo(ledgerBefore);
        assertThat(providerRows(s.playerId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT state FROM provider_bet WHERE provider_id = ? AND bet_ref = ?", String.class, p.id(), "A" + k))
                .isEqualTo("OPEN");
        assertLedgerBalanced();

        // the player plays on: the balance answers, the bet's real win is paid
        JsonNode bal = signedAnswer(send(p, "balance", s, null, null, null, Money.zero(EUR), "req-b-" + k));
        assertThat(bal.get("status").asText()).isEqualTo("RS_OK");
        assertThat(bal.get("balance").asLong()).isEqualTo(9_900_000L);
        JsonNode win = signedAnswer(call(p, "win", s, s.token(), "W2" + k, "A" + k, "R" + k, "2.00", true));
        assertThat(win.get("status").asText()).isEqualTo("RS_OK");
        assertThat(win.get("balance").asLong()).isEqualTo(10_100_000L);
        assertThat(cashMinor(s.playerId())).isEqualTo(10_100);
        assertLedgerBalanced();
    }

    @Test
    void hub88_calls_for_a_player_beyond_int64_at_scale_5_answer_RS_ERROR_WRONG_TYPES_never_RS_ERROR_UNKNOWN_and_write_nothing() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "0");
        // credited beyond Hub88's range by another path (here an operator adjustment straight in the ledger)
        Money huge = Money.parse("92233720368548.00", EUR);
        AccountRef cash = accounts.player(s.playerId()).orElseThrow().cash();
        ledger.apply(new LedgerCommand(new IdempotencyKey("test", "", "huge-" + s.playerId()), "ADJUSTMENT", EUR, s.playerId(),
                List.of(Leg.transfer(accounts.systemAccount(AccountType.ADJUSTMENT, "EUR", 0), cash, huge.amountMinor())),
                "huge|" + s.playerId(), null, null, Map.of("reason", "test"), r -> Map.of()));
        String k = UUID.randomUUID().toString().substring(0, 8);

        JsonNode bal = signedAnswer(send(p, "balance", s, null, null, null, Money.zero(EUR), "rb-" + k));
        assertThat(bal.get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(bal.has("balance")).isFalse();
        assertThat(bal.get("currency").asText()).isEqualTo("EUR");
        assertThat(bal.get("request_uuid").asText()).isEqualTo("rb-" + k);
        JsonNode info = signedAnswer(send(p, "check-session", s, null, null, null, null, "ri-" + k));
        assertThat(info.get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(info.has("balance")).isFalse();

        // a bet that leaves the balance beyond the range, a supplier promo win: refused, nothing written
        JsonNode small = signedAnswer(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "0.10", false));
        assertThat(small.get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(small.has("balance")).isFalse();
        JsonNode promo = signedAnswer(call(p, "promo", s, s.token(), "P" + k, null, null, "5.00", false));
        assertThat(promo.get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(cashMinor(s.playerId())).isEqualTo(huge.amountMinor());
        assertThat(providerTransactions(s.playerId())).isZero();
        assertThat(providerRows(s.playerId())).isZero();

        // a bet that brings it back into range is taken and answered with its int64 balance
        JsonNode back = signedAnswer(call(p, "bet", s, s.token(), "B" + k, null, "R2" + k, "5.00", false));
        assertThat(back.get("status").asText()).isEqualTo("RS_OK");
        assertThat(back.get("balance").asLong()).isEqualTo(9_223_372_036_854_300_000L);   // 92,233,720,368,543.00 EUR

        // protocols with decimal balances have no such limit: the same player's Evolution balance answers
        TestProvider evo = provider(ProviderProtocol.EVOLUTION);
        String sid = sessions.issue(evo.id(), s.playerId(), "game-1", "EUR", ProviderSession.Mode.REAL).token();
        JsonNode evoBal = json(send(evo.driver().render(new ProtocolDriver.Call("balance", evo.id(), s.playerId().toString(), sid,
                null, null, null, Money.zero(EUR), false, "eb-" + k))).bodyText());
        assertThat(evoBal.get("status").asText()).isEqualTo("OK");
        assertThat(evoBal.get("balance").decimalValue()).isEqualByComparingTo("92233720368543.00");
        assertLedgerBalanced();
    }
}
