package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.hub88.Hub88Signature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hub88 {@code POST /wallet/{providerId}/user/info} (providers.md §4 shape A, operator-side endpoints): signed like
 * every Hub88 call on the raw bytes, answered {@code {status, request_uuid, user, currency, balance}} signed with the
 * hub's key; a token must be the user's current REAL session (checked, never rotated); nothing is written.
 */
class Hub88UserInfoTest extends ProviderWalletTestSupport {

    private ProviderCallbackAnswer info(TestProvider p, String body, java.security.PrivateKey signer) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(new ProviderCallback(p.id(), "user/info", bytes, Map.of("X-Hub88-Signature",
                new Hub88Signature(hubKey.publicKey(), signer).sign(bytes), "Content-Type", "application/json"), Map.of()));
    }

    private static String body(Seat s, String token, String requestUuid) {
        return "{\"user\":\"" + s.playerId() + "\"" + (token == null ? "" : ",\"token\":\"" + token + "\"")
                + ",\"request_uuid\":\"" + requestUuid + "\",\"game_code\":\"conformance-game\"}";
    }

    @Test
    void user_info_answers_the_players_wallet_for_a_current_token_signed_by_the_hub() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        String req = UUID.randomUUID().toString();

        ProviderCallbackAnswer a = info(p, body(s, s.token(), req), PROVIDER_KEYS.getPrivate());

        assertThat(a.httpStatus()).isEqualTo(200);
        JsonNode j = json(a.bodyText());
        assertThat(j.get("status").asText()).isEqualTo("RS_OK");
        assertThat(j.get("request_uuid").asText()).isEqualTo(req);
        assertThat(j.get("user").asText()).isEqualTo(s.playerId().toString());
        assertThat(j.get("currency").asText()).isEqualTo("EUR");
        assertThat(j.get("balance").asLong()).isEqualTo(10_000_000L);   // 100.00 EUR at Hub88's scale 5
        assertThat(new Hub88Signature(hubKey.publicKey(), PROVIDER_KEYS.getPrivate()).verify(a.body(), a.headers().get("X-Hub88-Signature"))).isTrue();
        // the same request again: the same answer, and the token was not rotated (it still bets)
        assertThat(json(info(p, body(s, s.token(), req), PROVIDER_KEYS.getPrivate()).bodyText())).isEqualTo(j);
        assertThat(json(call(p, "bet", s, s.token(), "B" + req, null, "R" + req, "1.00", false).bodyText()).get("status").asText())
                .isEqualTo("RS_OK");
        assertThat(json(info(p, body(s, null, UUID.randomUUID().toString()), PROVIDER_KEYS.getPrivate()).bodyText()).get("balance").asLong())
                .as("without a token: the wallet, like user/balance").isEqualTo(9_900_000L);
        assertThat(providerTransactions(s.playerId())).isEqualTo(1);
    }

    @Test
    void user_info_refuses_a_replaced_expired_or_foreign_token_and_a_bad_signature_and_writes_nothing() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        Seat other = seat(p, "5.00");

        JsonNode foreign = json(info(p, body(s, other.token(), "r1"), PROVIDER_KEYS.getPrivate()).bodyText());
        assertThat(foreign.get("status").asText()).isEqualTo("RS_ERROR_INVALID_TOKEN");
        assertThat(json(info(p, body(s, "no-such-token", "r2"), PROVIDER_KEYS.getPrivate()).bodyText()).get("status").asText())
                .isEqualTo("RS_ERROR_INVALID_TOKEN");
        JsonNode badSig = json(info(p, body(s, s.token(), "r3"), OTHER_KEYS.getPrivate()).bodyText());
        assertThat(badSig.get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        assertThat(badSig.get("request_uuid").asText()).isEqualTo("r3");

        String old = s.token();
        sessions.rotate(sessions.resolve(p.id(), old).orElseThrow());
        assertThat(json(info(p, body(s, old, "r4"), PROVIDER_KEYS.getPrivate()).bodyText()).get("status").asText())
                .isEqualTo("RS_ERROR_INVALID_TOKEN");
        jdbc.update("UPDATE provider_session SET expires_at = clock_timestamp() - interval '1 second' WHERE player_id = ?", other.playerId());
        JsonNode expired = json(info(p, body(other, other.token(), "r5"), PROVIDER_KEYS.getPrivate()).bodyText());
        assertThat(expired.get("status").asText()).isEqualTo("RS_ERROR_TOKEN_EXPIRED");
        assertThat(expired.get("balance").asLong()).isEqualTo(500_000L);

        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId()) + providerTransactions(other.playerId())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_transaction WHERE provider_id = ?", Long.class, p.id())).isZero();
    }
}
