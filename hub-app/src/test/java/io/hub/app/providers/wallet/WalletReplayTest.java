package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.pragmatic.PragmaticSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A replay of every call type (the identical request bytes sent again) has no second effect: same balance, no new
 * ledger transaction, and the answer the protocol's replay policy asks for (Hub88/Evolution: the original response;
 * Pragmatic: success with the current balance).
 */
class WalletReplayTest extends ProviderWalletTestSupport {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");

    private record Sent(ProviderCallbackAnswer first, ProviderCallbackAnswer second, long cashAfterFirst, long txAfterFirst) {
    }

    private Sent twice(TestProvider p, Seat s, ProviderCallback cb) {
        ProviderCallbackAnswer first = send(cb);
        long cash = cashMinor(s.playerId());
        long txs = providerTransactions(s.playerId());
        ProviderCallbackAnswer second = send(cb);
        assertThat(cashMinor(s.playerId())).as("no second effect of " + cb.operation()).isEqualTo(cash);
        assertThat(providerTransactions(s.playerId())).as("no second ledger transaction for " + cb.operation()).isEqualTo(txs);
        assertThat(p.driver().actualStatus(second)).as(cb.operation() + " replay status").isEqualTo(p.driver().actualStatus(first));
        return new Sent(first, second, cash, txs);
    }

    private ProviderCallback render(TestProvider p, String op, Seat s, String tx, String ref, String round, String amount) {
        return p.driver().render(new ProtocolDriver.Call(op, p.id(), s.playerId().toString(), s.token(), tx, ref, round,
                amount == null ? null : Money.parse(amount, EUR), false, "req-" + tx));
    }

    @ParameterizedTest
    @EnumSource(ProviderProtocol.class)
    void bet_win_rollback_and_promo_replays_have_no_second_effect(ProviderProtocol protocol) {
        TestProvider p = provider(protocol);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String ok = p.driver().expectedStatus("OK");

        Sent bet = twice(p, s, render(p, "bet", s, "A" + k, null, "R1" + k, "10.00"));
        assertThat(p.driver().actualStatus(bet.first())).isEqualTo(ok);
        assertThat(bet.cashAfterFirst()).isEqualTo(9_000);
        Sent win = twice(p, s, render(p, "win", s, "B" + k, "A" + k, "R1" + k, "4.00"));
        assertThat(p.driver().actualStatus(win.first())).isEqualTo(ok);
        assertThat(win.cashAfterFirst()).isEqualTo(9_400);
        Sent bet2 = twice(p, s, render(p, "bet", s, "C" + k, null, "R2" + k, "3.00"));
        assertThat(bet2.cashAfterFirst()).isEqualTo(9_100);
        Sent rb = twice(p, s, render(p, "rollback", s, "D" + k, "C" + k, "R2" + k, null));
        assertThat(p.driver().actualStatus(rb.first())).isEqualTo(ok);
        assertThat(rb.cashAfterFirst()).isEqualTo(9_400);
        Sent promo = twice(p, s, render(p, "promo", s, "P" + k, null, null, "2.50"));
        assertThat(p.driver().actualStatus(promo.first())).isEqualTo(ok);
        assertThat(promo.cashAfterFirst()).isEqualTo(9_650);
        assertThat(providerTransactions(s.playerId())).isEqualTo(5);

        // the replay answer carries the balance the policy asks for (original = current here; checked with a later move)
        ProviderCallback firstBet = render(p, "bet", s, "A" + k, null, "R1" + k, "10.00");
        ProviderCallbackAnswer late = send(firstBet);
        Money answered = p.driver().responseBalance(late, EUR);
        if (protocol == ProviderProtocol.PRAGMATIC) {
            assertThat(answered).as("Pragmatic replays answer the current balance").isEqualTo(Money.ofMinor(9_650, EUR));
        } else {
            assertThat(answered).as("original response").isEqualTo(Money.ofMinor(9_000, EUR));
        }
        assertLedgerBalanced();
    }

    private ProviderCallback pp(TestProvider p, String endpoint, Map<String, String> params) {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.put("providerId", "PragmaticPlay");
        m.put("hash", new PragmaticSignature(p.config().credentials().secret(), false).hash(m));
        StringJoiner j = new StringJoiner("&");
        m.forEach((key, v) -> j.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return new ProviderCallback(p.id(), endpoint, j.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of());
    }

    @Test
    void pragmatic_bonus_jackpot_and_end_round_replays_have_no_second_effect() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        Seat s = seat(p, "10.00");
        String user = s.playerId().toString();
        String k = UUID.randomUUID().toString().substring(0, 8);
        twice(p, s, pp(p, "bonusWin.html", Map.of("userId", user, "amount", "1.25", "reference", "bw" + k, "bonusCode", "fs-1")));
        assertThat(cashMinor(s.playerId())).isEqualTo(1_125);
        twice(p, s, pp(p, "jackpotWin.html", Map.of("userId", user, "gameId", "vs20", "roundId", "9" + k.hashCode(), "jackpotId", "jp1",
                "amount", "100.00", "reference", "jw" + k)));
        assertThat(cashMinor(s.playerId())).isEqualTo(11_125);
        twice(p, s, render(p, "bet", s, "E" + k, null, "R9" + k, "5.00"));
        Sent end = twice(p, s, pp(p, "endRound.html", Map.of("userId", user, "gameId", "vs20", "roundId", "R9" + k)));
        assertThat(json(end.second().bodyText()).get("cash").decimalValue()).isEqualByComparingTo("106.25");
        assertThat(jdbc.queryForObject("SELECT status || '/' || closed_by FROM provider_round WHERE provider_id = ? AND round_id = ?",
                String.class, p.id(), "R9" + k)).isEqualTo("CLOSED/ROUND_END");
        assertThat(providerTransactions(s.playerId())).isEqualTo(3);
    }
}
