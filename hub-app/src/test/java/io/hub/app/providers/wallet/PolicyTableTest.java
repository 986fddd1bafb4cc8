package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderPolicy.CancelAfterSettle;
import io.hub.providers.ProviderPolicy.Replay;
import io.hub.providers.ProviderPolicy.TokenCheck;
import io.hub.providers.ProviderPolicy.TxIdScope;
import io.hub.providers.ProviderPolicy.UnknownRollback;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The policy table is configuration: a Hub88-protocol provider onboarded with every field set against the protocol's
 * default behaves accordingly (providers.md §5.3), while the default-policy behaviour is covered by the conformance kit.
 */
class PolicyTableTest extends ProviderWalletTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    io.hub.contracts.payments.KycGate kycGate;
    private static final ProviderPolicy LENIENT = new ProviderPolicy(UnknownRollback.NOT_FOUND, Replay.DUPLICATE_STATUS,
            TxIdScope.PER_PLAYER, TokenCheck.IGNORE_EXPIRY, TokenCheck.ENFORCE, true, CancelAfterSettle.ALLOW, true,
            ProviderPolicy.GameCheck.OFF, ProviderPolicy.CreditAfterSettle.WHILE_ROUND_OPEN, ProviderPolicy.Settlement.MIXED);

    private static io.hub.contracts.money.Money eur(String amount) {
        return io.hub.contracts.money.Money.parse(amount, io.hub.contracts.money.CurrencyUnit.of("EUR"));
    }

    private String status(ProviderCallbackAnswer a) {
        return json(a.bodyText()).get("status").asText();
    }

    @Test
    void every_policy_field_changes_the_wallet_behaviour() {
        TestProvider p = provider(ProviderProtocol.HUB88, LENIENT, Map.of());
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);

        // partial rollbacks: a rollback claiming 4.00 of a 10.00 stake credits 4.00
        assertThat(status(call(p, "bet", s, s.token(), "A" + k, null, "R1" + k, "10.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "rollback", s, s.token(), "RA" + k, "A" + k, "R1" + k, "4.00", false))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_400);

        // credit after cancel: a win for the rolled-back bet is paid
        assertThat(status(call(p, "win", s, s.token(), "W" + k, "A" + k, "R1" + k, "5.00", false))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_900);

        // cancel after settle allowed: bet 2, win 2, rollback returns the stake again
        assertThat(status(call(p, "bet", s, s.token(), "B" + k, null, "R2" + k, "2.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "win", s, s.token(), "WB" + k, "B" + k, "R2" + k, "2.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "rollback", s, s.token(), "RB" + k, "B" + k, "R2" + k, null, false))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_100);

        // replay answered with the duplicate status, no second debit
        assertThat(status(call(p, "bet", s, s.token(), "C" + k, null, "R3" + k, "1.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "bet", s, s.token(), "C" + k, null, "R3" + k, "1.00", false))).isEqualTo("RS_ERROR_DUPLICATE_TRANSACTION");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);

        // unknown rollback: not found (a tombstone still refuses the late bet)
        assertThat(status(call(p, "rollback", s, s.token(), "RX" + k, "X" + k, "R4" + k, null, false))).isEqualTo("RS_ERROR_TRANSACTION_DOES_NOT_EXIST");
        assertThat(status(call(p, "bet", s, s.token(), "X" + k, null, "R4" + k, "1.00", false))).isEqualTo("RS_ERROR_TRANSACTION_ROLLED_BACK");

        // game check OFF: a bet on a code the catalogue never held is taken (and its win paid)
        assertThat(status(send(p.driver().render(new io.hub.app.providers.wallet.conformance.ProtocolDriver.Call("bet", p.id(),
                s.playerId().toString(), s.token(), "G" + k, null, "RG" + k, eur("1.00"), false, "qg" + k, "never-listed-" + k)))))
                .isEqualTo("RS_OK");
        assertThat(status(send(p.driver().render(new io.hub.app.providers.wallet.conformance.ProtocolDriver.Call("win", p.id(),
                s.playerId().toString(), s.token(), "WG" + k, "G" + k, "RG" + k, eur("1.00"), true, "qwg" + k, "never-listed-" + k)))))
                .isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);

        // per-player ids: another player may use the same transaction id
        Seat other = seat(p, "10.00");
        assertThat(status(call(p, "bet", other, other.token(), "C" + k, null, "R3" + k, "1.00", false))).isEqualTo("RS_OK");
        assertThat(cashMinor(other.playerId())).isEqualTo(900);

        // token on win IGNORE_EXPIRY: a replaced token of the player pays, another player's token does not
        assertThat(status(call(p, "bet", s, s.token(), "D" + k, null, "R5" + k, "1.00", false))).isEqualTo("RS_OK");
        String old = s.token();
        sessions.rotate(sessions.resolve(p.id(), old).orElseThrow());
        assertThat(status(call(p, "win", s, old, "WD" + k, "D" + k, "R5" + k, "1.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "bet", s, old, "E" + k, null, "R6" + k, "1.00", false))).isEqualTo("RS_ERROR_TOKEN_EXPIRED");
        assertThat(status(call(p, "win", s, other.token(), "WE" + k, "D" + k, "R5" + k, "1.00", false))).isEqualTo("RS_ERROR_INVALID_TOKEN");
        // token on rollback ENFORCE: the replaced token is refused for a rollback
        assertThat(status(call(p, "rollback", s, old, "RD" + k, "C" + k, "R3" + k, null, false))).isEqualTo("RS_ERROR_TOKEN_EXPIRED");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertLedgerBalanced();
    }

    @Test
    void a_blocked_player_places_no_bet_but_is_paid_wins() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "10.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(status(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_OK");
        jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE id = ?", s.playerId());
        assertThat(status(call(p, "bet", s, s.token(), "B" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_ERROR_USER_DISABLED");
        // the replay of the bet accepted before the rejection still gets its original answer
        assertThat(status(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "win", s, s.token(), "W" + k, "A" + k, "R" + k, "3.00", true))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(1_200);
        assertThat(jdbc.queryForObject("SELECT status || '/' || closed_by FROM provider_round WHERE provider_id = ? AND round_id = ?",
                String.class, p.id(), "R" + k)).isEqualTo("CLOSED/FLAG");
    }

    @Test
    void a_kyc_rejected_player_places_no_provider_bet_but_replays_and_open_rounds_still_pay() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "10.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(status(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_OK");
        // the KYC vendor's final rejection as the payments module stores it (payments.md §7 #15)
        jdbc.update("INSERT INTO kyc_applicant (player_id, status, jurisdiction) VALUES (?, 'REJECTED', 'default')"
                + " ON CONFLICT (player_id) DO UPDATE SET status = 'REJECTED'", s.playerId());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !kycGate.mayWager(s.playerId()));
        assertThat(status(call(p, "bet", s, s.token(), "B" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_ERROR_USER_DISABLED");
        // the replay of the bet accepted before the rejection still gets its original answer
        assertThat(status(call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "1.00", false))).isEqualTo("RS_OK");
        assertThat(status(call(p, "win", s, s.token(), "W" + k, "A" + k, "R" + k, "3.00", true))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(1_200);
        assertLedgerBalanced();
    }

    @Test
    void a_currency_other_than_the_players_is_refused() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "10.00");
        ProviderCallbackAnswer a = send(p.driver().render(new io.hub.app.providers.wallet.conformance.ProtocolDriver.Call("bet", p.id(),
                s.playerId().toString(), s.token(), "usd-" + UUID.randomUUID(), null, "r",
                io.hub.contracts.money.Money.parse("1.00", io.hub.contracts.money.CurrencyUnit.of("USD")), false, "q1")));
        assertThat(status(a)).isEqualTo("RS_ERROR_WRONG_CURRENCY");
        assertThat(json(a.bodyText()).get("balance").asLong()).isEqualTo(1_000_000L);
        assertThat(cashMinor(s.playerId())).isEqualTo(1_000);
    }
}
