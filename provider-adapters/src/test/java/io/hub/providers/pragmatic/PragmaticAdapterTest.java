package io.hub.providers.pragmatic;

import static io.hub.providers.TestFiles.json;
import static io.hub.providers.TestFiles.jsonFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.Applied;
import io.hub.contracts.wallet.BalanceResult;
import io.hub.contracts.wallet.Bet;
import io.hub.contracts.wallet.PromoCredit;
import io.hub.contracts.wallet.PromoKind;
import io.hub.contracts.wallet.Rejected;
import io.hub.contracts.wallet.Rollback;
import io.hub.contracts.wallet.RoundEnd;
import io.hub.contracts.wallet.SessionCheck;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.Win;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.TestFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pragmatic-style adapter: the shared hash vector, golden form posts from providers.md §4 shape B, errors, amounts. */
class PragmaticAdapterTest {
    static final String SECRET = "testKey";
    static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    static final Map<String, CurrencyUnit> WALLETS = Map.of("421", EUR, "777", CurrencyUnit.of("JPY"));
    final PragmaticAdapter adapter = new PragmaticAdapter(PragmaticSettings.of("pp-demo", "PragmaticPlay", SECRET),
            (provider, player) -> Optional.ofNullable(WALLETS.get(player)));

    /** Independent reference hash (not PragmaticSignature): md5(sorted k=v joined by & + secret), hex lowercase. */
    static String md5(Map<String, String> params, String secret) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (var e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("hash")) continue;
            sb.append(sb.length() == 0 ? "" : "&").append(e.getKey()).append('=').append(e.getValue());
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((sb + secret).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] signedForm(Map<String, String> params) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("hash");
        p.put("hash", md5(p, SECRET));
        return form(p);
    }

    /** A golden .form file whose hash placeholder is replaced by the reference hash of its other parameters. */
    static byte[] golden(String path) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : TestFiles.text(path).split("&")) {
            int i = pair.indexOf('=');
            p.put(pair.substring(0, i), java.net.URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        return signedForm(p);
    }

    WalletCommand accepted(String op, byte[] body) {
        Decoded d = adapter.decode(InboundRequest.of(op, body));
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) d).command();
    }

    int error(String op, byte[] body) {
        Decoded d = adapter.decode(InboundRequest.of(op, body));
        assertThat(d).isInstanceOf(Decoded.Refused.class);
        var r = ((Decoded.Refused) d).response();
        assertThat(r.httpStatus()).isEqualTo(200);
        JsonNode j = json(r.body());
        assertThat(j.get("description").asText()).isNotBlank();
        return j.get("error").asInt();
    }

    static Money eur(long cents) {
        return Money.ofMinor(cents, EUR);
    }

    // ---- the shared vector ----

    @Test
    void sharedVectorFromWorkSharedVectors() throws Exception {
        JsonNode v = jsonFile("pragmatic/pragmatic-hash.json");
        Map<String, String> params = new LinkedHashMap<>();
        v.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        PragmaticSignature sig = new PragmaticSignature(v.get("secret").asText(), false);
        assertThat(sig.canonicalString(params) + v.get("secret").asText()).isEqualTo(v.get("string-to-hash").asText());
        assertThat(sig.hash(params)).isEqualTo(v.get("expected-hash").asText());
        assertThat(md5(params, v.get("secret").asText())).isEqualTo(v.get("expected-hash").asText());

        Map<String, String> withHash = new LinkedHashMap<>(params);
        withHash.put("hash", v.get("expected-hash").asText());
        Bet bet = (Bet) accepted("bet.html", form(withHash));
        assertThat(bet.amount()).isEqualTo(eur(1000));
        assertThat(bet.transactionId()).isEqualTo("5f1e9c2a");
    }

    @Test
    void emptyValuesAreHashedUnlessConfiguredOtherwise() throws Exception {
        Map<String, String> p = new LinkedHashMap<>(Map.of("userId", "421", "providerId", "PragmaticPlay", "token", ""));
        PragmaticSignature all = new PragmaticSignature(SECRET, false);
        PragmaticSignature skip = new PragmaticSignature(SECRET, true);
        assertThat(all.canonicalString(p)).isEqualTo("providerId=PragmaticPlay&token=&userId=421");
        assertThat(skip.canonicalString(p)).isEqualTo("providerId=PragmaticPlay&userId=421");
        var bal = (io.hub.contracts.wallet.Balance) accepted("balance.html", signedForm(p));
        assertThat(bal.sessionToken()).isNull();
        // the same body verified by a provider configured to skip empty values fails: the knob matters
        PragmaticAdapter skipping = new PragmaticAdapter(new PragmaticSettings("pp", "PragmaticPlay", SECRET, true,
                io.hub.providers.ProviderPolicy.pragmaticDefaults()), (a, b) -> Optional.of(EUR));
        Decoded d = skipping.decode(InboundRequest.of("balance.html", signedForm(p)));
        assertThat(d).isInstanceOf(Decoded.Refused.class);
    }

    // ---- golden files ----

    @Test
    void betAndResultAndRefundAndEndRoundGolden() throws Exception {
        Bet bet = (Bet) accepted("bet.html", golden("pragmatic/bet.request.form"));
        assertThat(bet.providerId()).isEqualTo("pp-demo");
        assertThat(bet.playerId()).isEqualTo("421");
        assertThat(bet.sessionToken()).isEqualTo("tok-42");
        assertThat(bet.roundId()).isEqualTo("5103188801");
        assertThat(bet.gameId()).isEqualTo("vs20doghouse");
        assertThat(bet.amount()).isEqualTo(eur(1000));
        assertThat(bet.requestId()).isNull();
        assertThat(json(adapter.encode(bet, new Applied("hub-tx-1001", eur(9000), null, false)).body()))
                .isEqualTo(jsonFile("pragmatic/bet.response.json"));
        assertThat(json(adapter.encode(bet, new Rejected(WalletRejection.INSUFFICIENT_FUNDS, eur(300), null)).body()))
                .isEqualTo(jsonFile("pragmatic/bet-insufficient.response.json"));

        Win win = (Win) accepted("result.html", golden("pragmatic/result.request.form"));
        assertThat(win.betRef()).isNull();
        assertThat(win.amount()).isEqualTo(eur(2550));
        assertThat(json(adapter.encode(win, new Applied("hub-tx-1002", eur(11550), null, false)).body()))
                .isEqualTo(jsonFile("pragmatic/result.response.json"));

        Rollback refund = (Rollback) accepted("refund.html", golden("pragmatic/refund.request.form"));
        assertThat(refund.betRef()).isEqualTo("5f1e9c2a");
        assertThat(refund.transactionId()).isNull();
        assertThat(refund.claimedAmount()).isEqualTo(eur(1000));
        assertThat(json(adapter.encode(refund, new Applied("hub-tx-1003", eur(10000), null, false)).body()))
                .isEqualTo(jsonFile("pragmatic/refund.response.json"));

        RoundEnd end = (RoundEnd) accepted("endRound.html", golden("pragmatic/endRound.request.form"));
        assertThat(end.roundId()).isEqualTo("5103188801");
        assertThat(json(adapter.encode(end, new BalanceResult(eur(11550), null)).body()))
                .isEqualTo(jsonFile("pragmatic/endRound.response.json"));

        SessionCheck auth = (SessionCheck) accepted("authenticate.html", golden("pragmatic/authenticate.request.form"));
        assertThat(auth.rotate()).isFalse();
        assertThat(auth.playerId()).isNull();
        assertThat(json(adapter.encode(auth, new SessionResult("421", "tok-42", eur(10000), null)).body()))
                .isEqualTo(jsonFile("pragmatic/authenticate.response.json"));

        PromoCredit promo = (PromoCredit) accepted("promoWin", golden("pragmatic/promoWin.request.form"));
        assertThat(promo.kind()).isEqualTo(PromoKind.PROMOTION);
        assertThat(promo.campaignType()).isEqualTo("T");
        assertThat(promo.sessionToken()).isNull();
    }

    @Test
    void bonusAndJackpotWinsAreBetlessCredits() throws Exception {
        PromoCredit bonus = (PromoCredit) accepted("bonusWin.html", signedForm(Map.of("userId", "421", "amount", "0.00",
                "reference", "b-1", "bonusCode", "FRB-9", "providerId", "PragmaticPlay")));
        assertThat(bonus.kind()).isEqualTo(PromoKind.BONUS);
        assertThat(bonus.amount()).isEqualTo(eur(0));
        assertThat(bonus.campaignRef()).isEqualTo("FRB-9");
        PromoCredit jp = (PromoCredit) accepted("jackpotWin.html", signedForm(Map.of("userId", "421", "gameId", "g",
                "roundId", "1", "jackpotId", "JP-1", "amount", "1234.56", "reference", "j-1", "providerId", "PragmaticPlay")));
        assertThat(jp.kind()).isEqualTo(PromoKind.JACKPOT);
        assertThat(jp.amount()).isEqualTo(eur(123456));
        assertThat(json(adapter.encode(jp, new Applied("h-j", eur(5), null, false)).body()).get("transactionId").asText())
                .isEqualTo("h-j");
    }

    @Test
    void replayAnsweredAsSuccessWithCurrentBalance() throws Exception {
        Bet bet = (Bet) accepted("bet.html", golden("pragmatic/bet.request.form"));
        JsonNode j = json(adapter.encode(bet, new Rejected(WalletRejection.TRANSACTION_EXISTS, eur(9000), null)).body());
        assertThat(j.get("error").asInt()).isZero();
        assertThat(j.get("cash").decimalValue()).isEqualByComparingTo("90.00");
    }

    @Test
    void aReusedReferenceWithOtherContentIs120NoRetryWithADescriptionThatSaysSo() throws Exception {
        // providers.md §4 shape B has no idempotency-conflict code: 120 (final, no retry) with an accurate description
        Bet bet = (Bet) accepted("bet.html", golden("pragmatic/bet.request.form"));
        JsonNode j = json(adapter.encode(bet, new Rejected(WalletRejection.IDEMPOTENCY_CONFLICT, eur(9000), null)).body());
        assertThat(j.get("error").asInt()).isEqualTo(120);
        assertThat(j.get("description").asText()).doesNotContain("Internal server error").contains("reference", "different");
        assertThat(j.get("cash").decimalValue()).isEqualByComparingTo("90.00");
        for (WalletRejection r : new WalletRejection[] {WalletRejection.TRANSACTION_NOT_FOUND, WalletRejection.TRANSACTION_ROLLED_BACK,
                WalletRejection.ALREADY_SETTLED}) {
            JsonNode a = json(adapter.encode(bet, new Rejected(r, eur(9000), null)).body());
            assertThat(a.get("error").asInt()).as(r.name()).isEqualTo(120);
            assertThat(a.get("description").asText()).as(r.name()).doesNotContain("Internal server error");
        }
        // a real internal failure keeps PP's own text
        assertThat(json(adapter.encode(bet, Rejected.of(WalletRejection.INTERNAL_ERROR)).body()).get("description").asText())
                .isEqualTo("Internal server error");
    }

    // ---- hash failures ----

    @Test
    void tamperedMissingOrWrongSecretHashGetsError5() throws Exception {
        byte[] good = golden("pragmatic/bet.request.form");
        byte[] tampered = new String(good, StandardCharsets.UTF_8).replace("amount=10.00", "amount=100.00")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(error("bet.html", tampered)).isEqualTo(5);
        String noHash = new String(good, StandardCharsets.UTF_8).replaceAll("&hash=[0-9a-f]+", "");
        assertThat(error("bet.html", noHash.getBytes(StandardCharsets.UTF_8))).isEqualTo(5);
        Map<String, String> p = new LinkedHashMap<>(Map.of("userId", "421", "providerId", "PragmaticPlay"));
        p.put("hash", md5(p, "otherKey"));
        assertThat(error("balance.html", form(p))).isEqualTo(5);
        assertThat(error("balance.html", signedForm(Map.of("userId", "421", "providerId", "SomeoneElse")))).isEqualTo(5);
    }

    @Test
    void nonAsciiValuesAreHashedAsDecodedUtf8() throws Exception {
        Map<String, String> p = Map.of("userId", "421", "providerId", "PragmaticPlay", "token", "tök-€-🎰");
        var bal = (io.hub.contracts.wallet.Balance) accepted("balance.html", signedForm(p));
        assertThat(bal.sessionToken()).isEqualTo("tök-€-🎰");
    }

    // ---- malformed bodies and amounts ----

    @ParameterizedTest
    @ValueSource(strings = {"", "&&&", "=x", "userId=%zz&hash=1", "userId=1&userId=2&hash=1"})
    void malformedFormsGetError7(String body) {
        assertThat(error("bet.html", body.getBytes(StandardCharsets.UTF_8))).isEqualTo(7);
    }

    @Test
    void invalidUtf8AndUnknownEndpointAndMissingFieldsGetError7() throws Exception {
        assertThat(error("bet.html", new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28})).isEqualTo(7);
        assertThat(error("adjustment.html", golden("pragmatic/bet.request.form"))).isEqualTo(7);
        assertThat(error("bet.html", signedForm(Map.of("userId", "421", "providerId", "PragmaticPlay")))).isEqualTo(7);
    }

    static Map<String, String> betWith(String user, String amount) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("userId", user);
        p.put("gameId", "g");
        p.put("roundId", "1");
        p.put("amount", amount);
        p.put("reference", "ref");
        p.put("timestamp", "1700000000000");
        p.put("providerId", "PragmaticPlay");
        return p;
    }

    @ParameterizedTest
    @CsvSource({"421,10.00,1000", "421,10.5,1050", "421,0.01,1", "421,0,0", "421,10.000,1000",
            "421,63727092.34,6372709234", "777,10.00,10", "777,1500,1500"})
    void exactAmounts(String user, String amount, long minor) throws Exception {
        Bet bet = (Bet) accepted("bet.html", signedForm(betWith(user, amount)));
        assertThat(bet.amount().amountMinor()).isEqualTo(minor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.001", "1e2", "-1.00", "+1.00", " 1.00", "1,00", "0x10", "NaN", ".5", "10.", "01.00",
            "99999999999999999999.00"})
    void refusedAmounts(String amount) throws Exception {
        assertThat(error("bet.html", signedForm(betWith("421", amount)))).isEqualTo(7);
    }

    @Test
    void jpyRefusesFractionsAndUnknownPlayerGetsError2() throws Exception {
        assertThat(error("bet.html", signedForm(betWith("777", "10.50")))).isEqualTo(7);
        assertThat(error("bet.html", signedForm(betWith("nobody", "1.00")))).isEqualTo(2);
        assertThat(json(PragmaticAdapter.unknownProvider(InboundRequest.of("bet.html", new byte[0])).body())
                .get("error").asInt()).isEqualTo(5);
    }
}
