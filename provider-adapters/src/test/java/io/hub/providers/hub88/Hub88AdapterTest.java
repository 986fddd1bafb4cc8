package io.hub.providers.hub88;

import static io.hub.providers.TestFiles.bytes;
import static io.hub.providers.TestFiles.json;
import static io.hub.providers.TestFiles.jsonFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.BalanceResult;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.PromoCredit;
import io.hub.contracts.wallet.PromoKind;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.Rollback;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.Win;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.ProviderResponse;
import io.hub.providers.support.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hub88-style adapter against golden files written from providers.md §4 shape A. Keys are generated here with the
 * JDK and requests are signed with {@link Signature} directly, independently of {@link Hub88Signature}.
 */
class Hub88AdapterTest {
    static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    static KeyPair provider;
    static KeyPair hub;
    static KeyPair stranger;
    static Hub88Adapter adapter;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        provider = g.generateKeyPair();
        hub = g.generateKeyPair();
        stranger = g.generateKeyPair();
        adapter = new Hub88Adapter(Hub88Settings.of("hub88-demo", provider.getPublic(), hub.getPrivate()));
    }

    static String sign(byte[] body, PrivateKey key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static boolean verify(byte[] body, String sig, PublicKey key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(body);
        return s.verify(Base64.getDecoder().decode(sig));
    }

    static InboundRequest signed(String op, byte[] body) throws Exception {
        return new InboundRequest(op, body, Map.of("x-hub88-signature", sign(body, provider.getPrivate())), Map.of());
    }

    static Money eur(long cents) {
        return Money.ofMinor(cents, EUR);
    }

    static WalletCommand accepted(Decoded d) {
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) d).command();
    }

    static String status(Decoded d) {
        assertThat(d).isInstanceOf(Decoded.Refused.class);
        ProviderResponse r = ((Decoded.Refused) d).response();
        assertThat(r.httpStatus()).isEqualTo(200);
        return json(r.body()).get("status").asText();
    }

    // ---- golden files ----

    @Test
    void betGoldenRequestAndResponse() throws Exception {
        Bet bet = (Bet) accepted(adapter.decode(signed("transaction/bet", bytes("hub88/bet.request.json"))));
        assertThat(bet.providerId()).isEqualTo("hub88-demo");
        assertThat(bet.playerId()).isEqualTo("player-421");
        assertThat(bet.requestId()).isEqualTo("583c985f-fee6-4c0e-bbf5-308aad6265af");
        assertThat(bet.transactionId()).isEqualTo("16d2dcfe-b89e-11e7-854a-58404eea6d16");
        assertThat(bet.betRef()).isEqualTo(bet.transactionId());
        assertThat(bet.roundId()).isEqualTo("rNEMwgzJAOZ6eR3V");
        assertThat(bet.gameId()).isEqualTo("clt_dragonrising");
        assertThat(bet.amount()).isEqualTo(eur(500)); // 500000 at scale 5 = 5.00 EUR
        assertThat(bet.roundClosed()).isFalse();

        ProviderResponse r = adapter.encode(bet, new Applied("hub-1", eur(9500), null, false));
        assertThat(json(r.body())).isEqualTo(jsonFile("hub88/bet.response.json"));
        assertThat(verify(r.body(), r.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();
    }

    @Test
    void winRollbackBalanceGoldenFiles() throws Exception {
        Win win = (Win) accepted(adapter.decode(signed("transaction/win", bytes("hub88/win.request.json"))));
        assertThat(win.betRef()).isEqualTo("16d2dcfe-b89e-11e7-854a-58404eea6d16");
        assertThat(win.amount()).isEqualTo(eur(1250));
        assertThat(win.roundClosed()).isTrue();
        assertThat(json(adapter.encode(win, new Applied("hub-2", eur(10750), null, false)).body()))
                .isEqualTo(jsonFile("hub88/win.response.json"));

        Rollback rb = (Rollback) accepted(adapter.decode(signed("/transaction/rollback", bytes("hub88/rollback.request.json"))));
        assertThat(rb.transactionId()).isEqualTo("7a3e0a7c-b89e-11e7-8c1a-58404eea6d16");
        assertThat(rb.betRef()).isEqualTo("16d2dcfe-b89e-11e7-854a-58404eea6d16");
        assertThat(rb.claimedAmount()).isNull();
        assertThat(json(adapter.encode(rb, new Applied("hub-3", eur(10000), null, false)).body()))
                .isEqualTo(jsonFile("hub88/rollback.response.json"));

        var bal = (io.hub.contracts.wallet.Balance) accepted(adapter.decode(signed("user/balance", bytes("hub88/balance.request.json"))));
        assertThat(bal.currency()).isEqualTo(EUR);
        assertThat(json(adapter.encode(bal, new BalanceResult(eur(10000), null)).body()))
                .isEqualTo(jsonFile("hub88/balance.response.json"));
    }

    @Test
    void userInfoChecksTheTokenAsASessionWithoutRotatingItAndAnswersTheCommonResponse() throws Exception {
        // providers.md §4 shape A: /user/info among the operator endpoints, common request fields, common response
        var check = (io.hub.contracts.wallet.SessionCheck) accepted(adapter.decode(signed("user/info", bytes("hub88/info.request.json"))));
        assertThat(check.playerId()).isEqualTo("player-421");
        assertThat(check.sessionToken()).isEqualTo("55b7518e-b89e-11e7-81be-58404eea6d16");
        assertThat(check.requestId()).isEqualTo("3b8c6f0e-2d4a-4e57-9f10-6a1c2e9d7b11");
        assertThat(check.gameId()).isEqualTo("clt_dragonrising");
        assertThat(check.rotate()).isFalse();
        ProviderResponse r = adapter.encode(check, new io.hub.contracts.wallet.SessionResult("player-421", check.sessionToken(), eur(10000), null));
        assertThat(json(r.body())).isEqualTo(jsonFile("hub88/info.response.json"));
        assertThat(verify(r.body(), r.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();

        ProviderResponse expired = adapter.encode(check, new Rejected(WalletRejection.TOKEN_EXPIRED, eur(10000), null));
        assertThat(json(expired.body()).get("status").asText()).isEqualTo("RS_ERROR_TOKEN_EXPIRED");
        assertThat(json(expired.body()).get("balance").asLong()).isEqualTo(10_000_000L);
        ProviderResponse stranger = adapter.encode(check, Rejected.of(WalletRejection.INVALID_TOKEN));
        assertThat(json(stranger.body()).get("status").asText()).isEqualTo("RS_ERROR_INVALID_TOKEN");
        assertThat(json(stranger.body()).has("balance")).isFalse();

        // without a token: the wallet, like user/balance
        byte[] noToken = "{\"user\":\"player-421\",\"request_uuid\":\"r-2\"}".getBytes(StandardCharsets.UTF_8);
        var bal = (io.hub.contracts.wallet.Balance) accepted(adapter.decode(signed("user/info", noToken)));
        assertThat(bal.playerId()).isEqualTo("player-421");
        assertThat(bal.sessionToken()).isNull();
        assertThat(bal.currency()).isNull();
    }

    @Test
    void userInfoIsSignedLikeEveryOtherCall() throws Exception {
        byte[] body = bytes("hub88/info.request.json");
        assertThat(status(adapter.decode(new InboundRequest("user/info", body, Map.of(), Map.of())))).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        assertThat(status(adapter.decode(new InboundRequest("user/info", body, Map.of("X-Hub88-Signature", sign(body, stranger.getPrivate())),
                Map.of())))).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("player-421", "player-422").getBytes(StandardCharsets.UTF_8);
        assertThat(status(adapter.decode(new InboundRequest("user/info", tampered, Map.of("X-Hub88-Signature", sign(body, provider.getPrivate())),
                Map.of())))).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        // re-serialised (whitespace added): the signature is over the exact bytes
        byte[] spaced = new String(body, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(status(adapter.decode(new InboundRequest("user/info", spaced, Map.of("X-Hub88-Signature", sign(body, provider.getPrivate())),
                Map.of())))).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        byte[] noUser = "{\"request_uuid\":\"r-3\",\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(status(adapter.decode(signed("user/info", noUser)))).isEqualTo("RS_ERROR_WRONG_SYNTAX");
    }

    @Test
    void insufficientFundsCarriesTheRealBalance() throws Exception {
        Bet bet = (Bet) accepted(adapter.decode(signed("transaction/bet", bytes("hub88/bet.request.json"))));
        ProviderResponse r = adapter.encode(bet, new Rejected(WalletRejection.INSUFFICIENT_FUNDS, eur(300), null));
        assertThat(json(r.body())).isEqualTo(jsonFile("hub88/bet-insufficient.response.json"));
        assertThat(verify(r.body(), r.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();
    }

    @Test
    void supplierPromoWinWithoutReferenceIsABetlessCredit() throws Exception {
        byte[] body = ("{\"user\":\"p1\",\"transaction_uuid\":\"t-promo\",\"request_uuid\":\"r1\",\"game_code\":\"g\","
                + "\"currency\":\"EUR\",\"amount\":100000,\"is_supplier_promo\":true,\"campaign_uuid\":\"c-1\"}")
                .getBytes(StandardCharsets.UTF_8);
        PromoCredit p = (PromoCredit) accepted(adapter.decode(signed("transaction/win", body)));
        assertThat(p.kind()).isEqualTo(PromoKind.PROMOTION);
        assertThat(p.amount()).isEqualTo(eur(100));
        assertThat(p.campaignRef()).isEqualTo("c-1");
    }

    // ---- signatures ----

    @Test
    void tamperedBodyIsRefused() throws Exception {
        byte[] body = bytes("hub88/bet.request.json");
        String sig = sign(body, provider.getPrivate());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("500000", "500001").getBytes(StandardCharsets.UTF_8);
        Decoded d = adapter.decode(new InboundRequest("transaction/bet", tampered, Map.of("X-Hub88-Signature", sig), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        assertThat(((Decoded.Refused) d).reason()).isEqualTo(WalletRejection.INVALID_SIGNATURE);
        // the refusal itself is signed by the hub and echoes the request id
        ProviderResponse r = ((Decoded.Refused) d).response();
        assertThat(verify(r.body(), r.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();
        assertThat(json(r.body()).get("request_uuid").asText()).isEqualTo("583c985f-fee6-4c0e-bbf5-308aad6265af");
    }

    @Test
    void wrongKeyIsRefused() throws Exception {
        byte[] body = bytes("hub88/bet.request.json");
        Decoded d = adapter.decode(new InboundRequest("transaction/bet", body,
                Map.of("X-Hub88-Signature", sign(body, stranger.getPrivate())), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
    }

    @Test
    void hubsOwnKeyIsNotTheProvidersKey() throws Exception {
        byte[] body = bytes("hub88/bet.request.json");
        Decoded d = adapter.decode(new InboundRequest("transaction/bet", body,
                Map.of("X-Hub88-Signature", sign(body, hub.getPrivate())), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not base64 !!", "AAAA"})
    void missingOrGarbageHeaderIsRefused(String header) {
        byte[] body = bytes("hub88/bet.request.json");
        Decoded d = adapter.decode(new InboundRequest("transaction/bet", body, Map.of("X-Hub88-Signature", header), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
        Decoded none = adapter.decode(InboundRequest.of("transaction/bet", body));
        assertThat(status(none)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
    }

    @Test
    void reSerialisedBodyDoesNotVerify() throws Exception {
        byte[] body = bytes("hub88/bet.request.json");
        String sig = sign(body, provider.getPrivate());
        byte[] reSerialised = StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(body));
        assertThat(json(reSerialised)).isEqualTo(json(body)); // same JSON value…
        Decoded d = adapter.decode(new InboundRequest("transaction/bet", reSerialised, Map.of("X-Hub88-Signature", sig), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE"); // …different bytes
    }

    @Test
    void nonAsciiBodyIsVerifiedOverItsUtf8Bytes() throws Exception {
        String text = "{\"user\":\"Jöns-Åkesson-日本-🎰\",\"token\":\"t\",\"request_uuid\":\"r-ü\",\"game_code\":\"g\",\"currency\":\"EUR\"}";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        var bal = (io.hub.contracts.wallet.Balance) accepted(adapter.decode(signed("user/balance", utf8)));
        assertThat(bal.playerId()).isEqualTo("Jöns-Åkesson-日本-🎰");
        ProviderResponse r = adapter.encode(bal, new BalanceResult(eur(1), null));
        assertThat(verify(r.body(), r.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();
        assertThat(json(r.body()).get("user").asText()).isEqualTo("Jöns-Åkesson-日本-🎰");
        // a signature over another encoding of the same text does not verify
        String latin1Sig = sign(text.getBytes(StandardCharsets.ISO_8859_1), provider.getPrivate());
        Decoded d = adapter.decode(new InboundRequest("user/balance", utf8, Map.of("X-Hub88-Signature", latin1Sig), Map.of()));
        assertThat(status(d)).isEqualTo("RS_ERROR_INVALID_SIGNATURE");
    }

    @Test
    void hubSignatureRoundTripsWithPemKeys() throws Exception {
        String pub = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(hub.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String priv = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(hub.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Hub88Signature s = new Hub88Signature(Hub88Signature.publicKeyFromPem(pub), Hub88Signature.privateKeyFromPem(priv));
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(s.verify(body, s.sign(body))).isTrue();
        assertThat(verify(body, s.sign(body), hub.getPublic())).isTrue();
    }

    // ---- malformed bodies and amounts ----

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"user\":\"p\"", "{\"user\":\"a\",\"user\":\"b\"}", "{} trailing",
            "{\"user\":\"p\",\"request_uuid\":\"r\",\"game_code\":\"g\",\"currency\":\"EUR\",\"round\":\"x\",\"amount\":1000}"})
    void malformedBodiesGetWrongSyntax(String body) throws Exception {
        Decoded d = adapter.decode(signed("transaction/bet", body.getBytes(StandardCharsets.UTF_8)));
        assertThat(status(d)).isEqualTo("RS_ERROR_WRONG_SYNTAX");
    }

    static byte[] betWithAmount(String amountJson) {
        return ("{\"user\":\"p\",\"token\":\"t\",\"request_uuid\":\"r\",\"game_code\":\"g\",\"currency\":\"EUR\","
                + "\"transaction_uuid\":\"tx\",\"round\":\"rd\",\"amount\":" + amountJson + "}").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "100000.0", "1e5", "\"100000\"", "true", "-100000", "1001", "9223372036854775807",
            "9223372036854775808", "99999999999999999999999"})
    void badAmountsGetWrongTypes(String amount) throws Exception {
        assertThat(status(adapter.decode(signed("transaction/bet", betWithAmount(amount))))).isEqualTo("RS_ERROR_WRONG_TYPES");
    }

    @Test
    void amountsBeyondInt32AreExact() throws Exception {
        // 2147483647 as protocol units is ~21474.84 EUR and is not a whole cent: refused, not truncated
        assertThat(status(adapter.decode(signed("transaction/bet", betWithAmount("2147483647"))))).isEqualTo("RS_ERROR_WRONG_TYPES");
        Bet big = (Bet) accepted(adapter.decode(signed("transaction/bet", betWithAmount("6372709234000"))));
        assertThat(big.amount()).isEqualTo(eur(6_372_709_234L)); // 63,727,092.34 EUR, providers.md §3 scenario 17
        assertThat(big.amount().toDecimalString()).isEqualTo("63727092.34");
        Bet zero = (Bet) accepted(adapter.decode(signed("transaction/bet", betWithAmount("0"))));
        assertThat(zero.amount()).isEqualTo(eur(0));
        ProviderResponse r = adapter.encode(big, new Applied("h", big.amount(), null, false));
        assertThat(json(r.body()).get("balance").asLong()).isEqualTo(6372709234000L);
    }

    @Test
    void theLargestBalanceHub88CanCarryIsInt64AtItsScaleAndARefusalBeyondItIsAnsweredWithoutTheBalance() throws Exception {
        // providers.md §3 scenario 17: int64 at scale 5 → 9223372036854775807 / 1000 cents = 92,233,720,368,547.75 EUR
        assertThat(adapter.maxBalanceMinor(EUR)).isEqualTo(9_223_372_036_854_775L);
        assertThat(adapter.maxBalanceMinor(CurrencyUnit.of("JPY"))).isEqualTo(Long.MAX_VALUE / 100_000);
        Bet bet = (Bet) accepted(adapter.decode(signed("transaction/bet", betWithAmount("1000"))));
        ProviderResponse atMax = adapter.encode(bet, new Applied("h", eur(9_223_372_036_854_775L), null, false));
        assertThat(json(atMax.body()).get("balance").asLong()).isEqualTo(9_223_372_036_854_775_000L);
        // a refusal for a player credited beyond it by another path: the status without a balance, never an exception
        ProviderResponse beyond = adapter.encode(bet, new Rejected(WalletRejection.INVALID_AMOUNT, eur(9_223_372_036_854_776L), null));
        assertThat(json(beyond.body()).get("status").asText()).isEqualTo("RS_ERROR_WRONG_TYPES");
        assertThat(json(beyond.body()).has("balance")).isFalse();
        assertThat(json(beyond.body()).get("currency").asText()).isEqualTo("EUR");
        assertThat(verify(beyond.body(), beyond.headers().get("X-Hub88-Signature"), hub.getPublic())).isTrue();
    }

    @Test
    void unknownCurrencyAndUnknownOperation() throws Exception {
        byte[] body = new String(betWithAmount("1000"), StandardCharsets.UTF_8).replace("EUR", "XXX").getBytes(StandardCharsets.UTF_8);
        assertThat(status(adapter.decode(signed("transaction/bet", body)))).isEqualTo("RS_ERROR_WRONG_CURRENCY");
        assertThat(status(adapter.decode(signed("user/profile", betWithAmount("1000"))))).isEqualTo("RS_ERROR_WRONG_SYNTAX");
        assertThat(json(Hub88Adapter.unknownProvider(signed("transaction/bet", betWithAmount("1000"))).body())
                .get("status").asText()).isEqualTo("RS_ERROR_INVALID_PARTNER");
    }
}
