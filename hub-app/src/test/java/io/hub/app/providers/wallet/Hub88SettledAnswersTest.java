package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.hub88.Hub88Signature;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hub88 refusals must not tell the provider something false (providers.md §4 shape A, [H3], [C1]): a rollback refused
 * because its bet is settled is not "done" (RS_ERROR_DUPLICATE_TRANSACTION means the same transaction_uuid with other
 * content, and providers read it on a rollback as already processed, booking a refund the hub never made); it is
 * RS_ERROR_UNKNOWN ("no special error code"), retried and then queued for people. A bet on a closed round is a "known"
 * bet error (discarded, no rollback follows): RS_ERROR_INVALID_GAME, not RS_ERROR_TRANSACTION_DOES_NOT_EXIST (which is
 * not in the known list, so the provider would roll back a bet that never landed).
 */
class Hub88SettledAnswersTest extends ProviderWalletTestSupport {

    private JsonNode answer(TestProvider p, ProviderCallbackAnswer a) {
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(new Hub88Signature(hubKey.publicKey(), PROVIDER_KEYS.getPrivate()).verify(a.body(), a.headers().get("X-Hub88-Signature")))
                .as("the hub signs its refusals too").isTrue();
        return json(a.bodyText());
    }

    private long providerRows(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM provider_transaction WHERE player_id = ?", Long.class, player);
    }

    @Test
    void hub88_rollback_after_the_bet_settled_answers_RS_ERROR_UNKNOWN_with_the_balance_not_RS_ERROR_DUPLICATE_TRANSACTION() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(answer(p, call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "2.00", false)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(answer(p, call(p, "win", s, s.token(), "W" + k, "A" + k, "R" + k, "2.00", true)).get("status").asText()).isEqualTo("RS_OK");
        long rows = providerRows(s.playerId());

        for (int retry = 0; retry < 2; retry++) {   // the provider retries an UNKNOWN: each retry is refused the same way
            JsonNode rb = answer(p, call(p, "rollback", s, s.token(), "RB" + k, "A" + k, "R" + k, null, false));
            assertThat(rb.get("status").asText()).isEqualTo("RS_ERROR_UNKNOWN")
                    .isNotIn("RS_ERROR_DUPLICATE_TRANSACTION", "RS_ERROR_TRANSACTION_ROLLED_BACK", "RS_ERROR_TRANSACTION_DOES_NOT_EXIST", "RS_OK");
            assertThat(rb.get("balance").asLong()).isEqualTo(10_000_000L);   // 100.00 EUR at scale 5
            assertThat(rb.get("user").asText()).isEqualTo(s.playerId().toString());
        }
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerRows(s.playerId())).isEqualTo(rows).isEqualTo(2);
        assertThat(providerTransactions(s.playerId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT state FROM provider_bet WHERE provider_id = ? AND bet_ref = ?", String.class, p.id(), "A" + k))
                .isEqualTo("SETTLED");
        assertLedgerBalanced();
    }

    @Test
    void hub88_bet_on_a_closed_round_answers_the_known_bet_error_RS_ERROR_INVALID_GAME_not_RS_ERROR_TRANSACTION_DOES_NOT_EXIST() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        assertThat(answer(p, call(p, "bet", s, s.token(), "A" + k, null, "R" + k, "10.00", true)).get("status").asText()).isEqualTo("RS_OK");
        assertThat(jdbc.queryForObject("SELECT status FROM provider_round WHERE provider_id = ? AND round_id = ?", String.class, p.id(), "R" + k))
                .isEqualTo("CLOSED");

        JsonNode late = answer(p, call(p, "bet", s, s.token(), "B" + k, null, "R" + k, "5.00", false));
        assertThat(late.get("status").asText()).isEqualTo("RS_ERROR_INVALID_GAME");
        assertThat(late.get("balance").asLong()).isEqualTo(9_000_000L);
        assertThat(cashMinor(s.playerId())).isEqualTo(9_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_bet WHERE provider_id = ? AND bet_ref = ?", Long.class, p.id(), "B" + k))
                .isZero();
        // the discarded bet is not rolled back by the provider; if it were, the rollback of an unknown bet is harmless
        assertThat(answer(p, call(p, "rollback", s, s.token(), "RB" + k, "B" + k, "R" + k, null, false)).get("status").asText())
                .isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(9_000);
        assertLedgerBalanced();
    }
}
