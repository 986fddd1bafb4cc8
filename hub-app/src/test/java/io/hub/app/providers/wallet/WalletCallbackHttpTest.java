package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.hub88.Hub88Signature;
import io.hub.providers.pragmatic.PragmaticSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP path of the wallet callbacks: signatures verified on the raw bytes (valid, tampered body, wrong key,
 * missing header, re-serialised body, non-ASCII body) with nothing applied on a failure, the protocols' own answers for
 * unknown and disabled providers, DEMO sessions never moving money, Evolution sid rotation, no JWT needed, and the
 * callback metrics by provider, operation and outcome.
 */
class WalletCallbackHttpTest extends ProviderWalletTestSupport {

    private ProviderCallbackAnswer hub88(TestProvider p, String op, String body, Map<String, String> headers) {
        return send(new ProviderCallback(p.id(), op, body.getBytes(StandardCharsets.UTF_8), headers, Map.of()));
    }

    private static String sign(java.security.KeyPair keys, byte[] body) {
        return new Hub88Signature(keys.getPublic(), keys.getPrivate()).sign(body);
    }

    private String betJson(Seat s, String tx, long amount, String extra) {
        return "{\"user\":\"" + s.playerId() + "\",\"token\":\"" + s.token() + "\",\"request_uuid\":\"" + UUID.randomUUID()
                + "\",\"game_code\":\"g1\",\"currency\":\"EUR\",\"transaction_uuid\":\"" + tx + "\",\"round\":\"r-" + tx
                + "\",\"round_closed\":false,\"amount\":" + amount + extra + "}";
    }

    @Test
    void hub88_signature_is_checked_on_the_raw_bytes_and_a_failure_changes_nothing() throws Exception {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "100.00");
        Hub88Signature hubSide = new Hub88Signature(hubKey.publicKey(), PROVIDER_KEYS.getPrivate());

        // tampered body: signed for 1.00, sent with 9.00
        String signedBody = betJson(s, "t-" + UUID.randomUUID(), 100000, "");
        String tampered = signedBody.replace("\"amount\":100000", "\"amount\":900000");
        ProviderCallbackAnswer a = hub88(p, "transaction/bet", tampered, Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, signedBody.getBytes(StandardCharsets.UTF_8))));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");

        // wrong key
        String body = betJson(s, "w-" + UUID.randomUUID(), 100000, "");
        a = hub88(p, "transaction/bet", body, Map.of("X-Hub88-Signature", sign(OTHER_KEYS, body.getBytes(StandardCharsets.UTF_8))));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");

        // missing header
        a = hub88(p, "transaction/bet", body, Map.of());
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");

        // re-serialised body: the provider signed pretty-printed JSON; the same JSON compacted does not verify
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        String compact = JSON.writeValueAsString(JSON.readTree(pretty));
        assertThat(compact).isNotEqualTo(pretty);
        a = hub88(p, "transaction/bet", compact, Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, pretty.getBytes(StandardCharsets.UTF_8))));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");

        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId())).isZero();

        // the pretty-printed original verifies as sent (whitespace is part of what was signed)
        a = hub88(p, "transaction/bet", pretty, Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, pretty.getBytes(StandardCharsets.UTF_8))));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_OK");
        assertThat(json(a.bodyText()).get("balance").asLong()).isEqualTo(9_900_000L);
        assertThat(hubSide.verify(a.body(), a.headers().get("X-Hub88-Signature"))).as("answer signed by the hub").isTrue();

        // non-ASCII body: signed over its UTF-8 bytes, accepted byte for byte
        String unicode = betJson(s, "ü-" + UUID.randomUUID(), 250000, ",\"bet\":\"Zürich € 東京 — ok\"");
        byte[] raw = unicode.getBytes(StandardCharsets.UTF_8);
        assertThat(raw.length).isGreaterThan(unicode.length());
        a = hub88(p, "transaction/bet", unicode, Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, raw)));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000 - 100 - 250);
        // the same text signed as ISO-8859-1 bytes does not verify against the UTF-8 bytes sent
        String other = betJson(s, "l-" + UUID.randomUUID(), 100000, ",\"bet\":\"Zürich\"");
        a = hub88(p, "transaction/bet", other, Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, other.getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(json(a.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        assertThat(providerTransactions(s.playerId())).isEqualTo(2);
        assertLedgerBalanced();
    }

    private String ppForm(String secret, Map<String, String> params, boolean withHash) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (withHash) p.put("hash", new PragmaticSignature(secret, false).hash(p));
        StringJoiner j = new StringJoiner("&");
        p.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    @Test
    void pragmatic_hash_is_checked_on_the_form_body_as_sent() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        String secret = p.config().credentials().secret();
        Seat s = seat(p, "100.00");
        Map<String, String> bet = new LinkedHashMap<>(Map.of("providerId", "PragmaticPlay", "userId", s.playerId().toString(),
                "gameId", "vs20", "roundId", "1001", "amount", "2.50", "reference", "pp-" + UUID.randomUUID(),
                "timestamp", "1700000000000", "roundDetails", "spin,bonusBuy é€"));
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        String good = ppForm(secret, bet, true);
        String tampered = good.replace("amount=2.50", "amount=0.01");
        assertThat(json(send(new ProviderCallback(p.id(), "bet.html", tampered.getBytes(StandardCharsets.UTF_8), form, Map.of())).bodyText())
                .get("error").asInt()).isEqualTo(5);
        assertThat(json(send(new ProviderCallback(p.id(), "bet.html", ppForm("wrong", bet, true).getBytes(StandardCharsets.UTF_8), form, Map.of()))
                .bodyText()).get("error").asInt()).isEqualTo(5);
        assertThat(json(send(new ProviderCallback(p.id(), "bet.html", ppForm(secret, bet, false).getBytes(StandardCharsets.UTF_8), form, Map.of()))
                .bodyText()).get("error").asInt()).isEqualTo(5);
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);

        JsonNode ok = json(send(new ProviderCallback(p.id(), "bet.html", good.getBytes(StandardCharsets.UTF_8), form, Map.of())).bodyText());
        assertThat(ok.get("error").asInt()).isZero();
        assertThat(ok.get("cash").decimalValue()).isEqualByComparingTo("97.50");
        assertThat(ok.get("currency").asText()).isEqualTo("EUR");
        assertThat(ok.get("transactionId").asText()).isNotBlank();
        assertThat(cashMinor(s.playerId())).isEqualTo(9_750);
    }

    @Test
    void evolution_auth_token_and_sid_rotation() {
        TestProvider p = provider(ProviderProtocol.EVOLUTION);
        Seat s = seat(p, "50.00");
        String check = "{\"sid\":\"" + s.token() + "\",\"userId\":\"" + s.playerId() + "\",\"uuid\":\"u1\",\"channel\":{\"type\":\"P\"}}";
        ProviderCallbackAnswer noToken = send(new ProviderCallback(p.id(), "check", check.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"), Map.of()));
        assertThat(noToken.httpStatus()).isEqualTo(401);
        assertThat(json(noToken.bodyText()).get("status").asText()).isEqualTo("INVALID_TOKEN_ID");
        ProviderCallbackAnswer wrong = send(new ProviderCallback(p.id(), "check", check.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"), Map.of("authToken", "nope")));
        assertThat(wrong.httpStatus()).isEqualTo(401);

        JsonNode rotated = json(send(new ProviderCallback(p.id(), "check", check.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"), Map.of("authToken", p.config().credentials().apiToken()))).bodyText());
        assertThat(rotated.get("status").asText()).isEqualTo("OK");
        assertThat(rotated.get("uuid").asText()).isEqualTo("u1");
        String newSid = rotated.get("sid").asText();
        assertThat(newSid).isNotEqualTo(s.token());

        ProviderCallbackAnswer oldSid = call(p, "bet", s, s.token(), "e-" + UUID.randomUUID(), null, "rd-1", "1.00", false);
        assertThat(json(oldSid.bodyText()).get("status").asText()).isEqualTo("INVALID_SID");
        ProviderCallbackAnswer fresh = call(p, "bet", s, newSid, "e-" + UUID.randomUUID(), null, "rd-1", "1.00", false);
        assertThat(json(fresh.bodyText()).get("status").asText()).isEqualTo("OK");
        assertThat(json(fresh.bodyText()).get("balance").decimalValue()).isEqualByComparingTo("49.00");
    }

    @Test
    void unknown_and_disabled_providers_and_demo_sessions_change_nothing() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "20.00");
        String body = betJson(s, "u-" + UUID.randomUUID(), 100000, "");
        Map<String, String> signed = Map.of("X-Hub88-Signature", sign(PROVIDER_KEYS, body.getBytes(StandardCharsets.UTF_8)));
        ProviderCallbackAnswer unknown = send(new ProviderCallback("no-such-provider", "transaction/bet", body.getBytes(StandardCharsets.UTF_8), signed, Map.of()));
        assertThat(unknown.httpStatus()).isEqualTo(200);
        assertThat(json(unknown.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_PARTNER");
        ProviderCallbackAnswer ppUnknown = send(new ProviderCallback("no-such-provider", "bet.html", "a=b".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of()));
        assertThat(json(ppUnknown.bodyText()).get("error").asInt()).isEqualTo(5);
        ProviderCallbackAnswer evoUnknown = send(new ProviderCallback("no-such-provider", "debit", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of()));
        assertThat(evoUnknown.httpStatus()).isEqualTo(401);
        assertThat(json(evoUnknown.bodyText()).get("status").asText()).isEqualTo("INVALID_TOKEN_ID");

        // DEMO session: refused in the protocol, no money moves
        String demo = sessions.issue(p.id(), s.playerId(), "g1", "EUR", io.hub.app.providers.ProviderSession.Mode.DEMO).token();
        ProviderCallbackAnswer d = call(p, "bet", s, demo, "d-" + UUID.randomUUID(), null, "rd", "1.00", false);
        assertThat(json(d.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_TOKEN");

        jdbc.update("UPDATE provider SET enabled = false WHERE id = ?", p.id());
        registry.invalidate(p.id());
        ProviderCallbackAnswer disabled = hub88(p, "transaction/bet", body, signed);
        assertThat(json(disabled.bodyText()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_PARTNER");
        assertThat(cashMinor(s.playerId())).isEqualTo(2_000);
        assertThat(providerTransactions(s.playerId())).isZero();

        // the callbacks need no JWT, the player's wallet endpoint still does
        assertThat(get("/wallet/balance", null).statusCode()).isEqualTo(401);
    }

    @Test
    void callbacks_are_timed_by_provider_operation_and_outcome() {
        TestProvider p = provider(ProviderProtocol.HUB88);
        Seat s = seat(p, "10.00");
        assertThat(json(call(p, "bet", s, s.token(), "m-" + UUID.randomUUID(), null, "rm", "1.00", false).bodyText()).get("status").asText()).isEqualTo("RS_OK");
        assertThat(json(call(p, "bet", s, s.token(), "m-" + UUID.randomUUID(), null, "rm", "99.00", false).bodyText()).get("status").asText())
                .isEqualTo("RS_ERROR_NOT_ENOUGH_MONEY");
        String body = betJson(s, "m-" + UUID.randomUUID(), 100000, "");
        hub88(p, "transaction/bet", body, Map.of("X-Hub88-Signature", sign(OTHER_KEYS, body.getBytes(StandardCharsets.UTF_8))));
        String metrics = get("/actuator/prometheus", null).body();
        String prefix = "hub_provider_callback_seconds_count{";
        assertThat(metrics).containsPattern(java.util.regex.Pattern.quote(prefix) + "[^}]*operation=\"transaction/bet\",outcome=\"ok\",provider=\"" + p.id() + "\"} 1");
        assertThat(metrics).containsPattern(java.util.regex.Pattern.quote(prefix) + "[^}]*operation=\"transaction/bet\",outcome=\"INSUFFICIENT_FUNDS\",provider=\"" + p.id() + "\"} 1");
        assertThat(metrics).containsPattern(java.util.regex.Pattern.quote(prefix) + "[^}]*operation=\"transaction/bet\",outcome=\"INVALID_SIGNATURE\",provider=\"" + p.id() + "\"} 1");
        assertThat(metrics).contains("hub_provider_callback_seconds_bucket{");
    }
}
