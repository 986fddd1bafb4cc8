package io.hub.providers.evolution;

import static io.hub.providers.TestFiles.bytes;
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
import io.hub.contracts.wallet.SessionCheck;
import io.hub.contracts.wallet.SessionResult;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;
import io.hub.contracts.wallet.Win;
import io.hub.providers.Decoded;
import io.hub.providers.InboundRequest;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.ProviderResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evolution-style One Wallet adapter: golden files from providers.md §4 shape C, authToken, sid rotation, amounts. */
class EvolutionAdapterTest {
    static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    static final String TOKEN = "api-token-123";
    final EvolutionAdapter adapter = new EvolutionAdapter(EvolutionSettings.of("evo-demo", TOKEN));

    static InboundRequest req(String op, byte[] body) {
        return new InboundRequest(op, body, Map.of(), Map.of("authToken", TOKEN));
    }

    WalletCommand accepted(String op, byte[] body) {
        Decoded d = adapter.decode(req(op, body));
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        return ((Decoded.Accepted) d).command();
    }

    static ProviderResponse refused(Decoded d) {
        assertThat(d).isInstanceOf(Decoded.Refused.class);
        return ((Decoded.Refused) d).response();
    }

    static Money eur(long cents) {
        return Money.ofMinor(cents, EUR);
    }

    @Test
    void debitCreditCancelGolden() {
        Bet bet = (Bet) accepted("debit", bytes("evolution/debit.request.json"));
        assertThat(bet.sessionToken()).isEqualTo("sid-7f3a");
        assertThat(bet.requestId()).isEqualTo("ce186440-ed92-11e3-ac10-0800200c9a66");
        assertThat(bet.transactionId()).isEqualTo("D-778");
        assertThat(bet.betRef()).isEqualTo("R-1001");
        assertThat(bet.roundId()).isEqualTo("158fa11-round-1");
        assertThat(bet.gameId()).isEqualTo("aaabbbcccdddeee111");
        assertThat(bet.amount()).isEqualTo(eur(550));
        ProviderResponse ok = adapter.encode(bet, new Applied("h1", eur(9450), null, false));
        assertThat(ok.httpStatus()).isEqualTo(200);
        assertThat(json(ok.body())).isEqualTo(jsonFile("evolution/debit.response.json"));
        assertThat(json(adapter.encode(bet, new Rejected(WalletRejection.INSUFFICIENT_FUNDS, eur(300), null)).body()))
                .isEqualTo(jsonFile("evolution/insufficient.response.json"));

        Win credit = (Win) accepted("credit", bytes("evolution/credit.request.json"));
        assertThat(credit.betRef()).isEqualTo("R-1001");
        assertThat(credit.amount()).isEqualTo(eur(6_372_709_234L)); // providers.md §3 scenario 17
        assertThat(credit.roundClosed()).isFalse();

        Rollback cancel = (Rollback) accepted("cancel", bytes("evolution/cancel.request.json"));
        assertThat(cancel.transactionId()).isEqualTo("X-780");
        assertThat(cancel.betRef()).isEqualTo("R-1001");
        assertThat(json(adapter.encode(cancel, new Rejected(WalletRejection.TRANSACTION_NOT_FOUND, eur(10000), null)).body()))
                .isEqualTo(jsonFile("evolution/cancel-unknown.response.json"));
    }

    @Test
    void checkRotatesTheSid() {
        SessionCheck check = (SessionCheck) accepted("check", bytes("evolution/check.request.json"));
        assertThat(check.rotate()).isTrue();
        assertThat(check.sessionToken()).isEqualTo("sid-7f3a");
        assertThat(check.playerId()).isEqualTo("player-421");
        ProviderResponse r = adapter.encode(check, new SessionResult("player-421", "sid-8e4b", eur(10000), null));
        assertThat(json(r.body())).isEqualTo(jsonFile("evolution/check.response.json"));
        JsonNode old = json(adapter.encode(check, Rejected.of(WalletRejection.INVALID_TOKEN)).body());
        assertThat(old.get("status").asText()).isEqualTo("INVALID_SID");
    }

    @Test
    void balanceAndPromoPayout() {
        var bal = (io.hub.contracts.wallet.Balance) accepted("balance", bytes("evolution/balance.request.json"));
        assertThat(bal.currency()).isEqualTo(EUR);
        assertThat(json(adapter.encode(bal, new BalanceResult(eur(12345), eur(500))).body()).toString())
                .isEqualTo("{\"status\":\"OK\",\"balance\":123.45,\"bonus\":5.00,\"uuid\":\"b1c2d3e4-ed92-11e3-ac10-0800200c9a66\"}");
        PromoCredit p = (PromoCredit) accepted("promo_payout", bytes("evolution/promo_payout.request.json"));
        assertThat(p.kind()).isEqualTo(PromoKind.JACKPOT);
        assertThat(p.transactionId()).isEqualTo("P-55");
        assertThat(p.campaignRef()).isEqualTo("V-9");
        assertThat(p.amount()).isEqualTo(eur(120000));
    }

    @Test
    void promoPayoutNeedsNoGame() {
        // providers.md §4 shape C: a promo payout carries promoTransaction; a tournament payout belongs to no round
        for (String game : new String[] {"\"game\":null,", ""}) {
            String body = "{\"sid\":\"sid-7f3a\",\"userId\":\"player-421\",\"uuid\":\"u1\",\"currency\":\"EUR\"," + game
                    + "\"promoTransaction\":{\"type\":\"FREE_ROUND_PLAYABLE_SPENT_PROMO_PAYOUT\",\"id\":\"P-56\",\"amount\":10.00}}";
            PromoCredit p = (PromoCredit) accepted("promo_payout", body.getBytes(StandardCharsets.UTF_8));
            assertThat(p.roundId()).isNull();
            assertThat(p.gameId()).isNull();
            assertThat(p.amount()).isEqualTo(eur(1000));
        }
        // debit, credit and cancel still need their round
        String noGame = "{\"sid\":\"s\",\"userId\":\"player-421\",\"uuid\":\"u2\",\"currency\":\"EUR\",\"game\":null,"
                + "\"transaction\":{\"id\":\"D1\",\"refId\":\"D1\",\"amount\":1.00}}";
        assertThat(json(refused(adapter.decode(req("debit", noGame.getBytes(StandardCharsets.UTF_8)))).body()).get("status").asText())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void anAuthenticatedRefusalCarriesTheKnownPlayersBalanceAWrongTokenDoesNot() {
        io.hub.providers.PlayerDirectory players = new io.hub.providers.PlayerDirectory() {
            @Override
            public java.util.Optional<CurrencyUnit> currencyOf(String providerId, String playerId) {
                return "player-421".equals(playerId) ? java.util.Optional.of(EUR) : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Money> balanceOf(String providerId, String playerId) {
                return "player-421".equals(playerId) ? java.util.Optional.of(eur(12345)) : java.util.Optional.empty();
            }
        };
        EvolutionAdapter a = new EvolutionAdapter(EvolutionSettings.of("evo-demo", TOKEN), players);
        String body = new String(bytes("evolution/debit.request.json"), StandardCharsets.UTF_8);
        byte[] fraction = body.replaceAll("\"amount\":\\s*\"?[0-9.]+\"?", "\"amount\":1.001").getBytes(StandardCharsets.UTF_8);
        JsonNode bad = json(refused(a.decode(req("debit", fraction))).body());
        assertThat(bad.get("status").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(bad.get("balance").decimalValue()).isEqualByComparingTo("123.45");
        assertThat(bad.get("bonus").decimalValue()).isEqualByComparingTo("0.00");
        // unknown player: 0
        byte[] stranger = new String(fraction, StandardCharsets.UTF_8).replace("player-421", "player-999").getBytes(StandardCharsets.UTF_8);
        assertThat(json(refused(a.decode(req("debit", stranger))).body()).get("balance").decimalValue()).isEqualByComparingTo("0");
        // not authenticated: 401 INVALID_TOKEN_ID with 0, never the balance of a player the caller merely names
        ProviderResponse wrong = refused(a.decode(new InboundRequest("debit", fraction, Map.of(), Map.of("authToken", "wrong"))));
        assertThat(wrong.httpStatus()).isEqualTo(401);
        assertThat(json(wrong.body()).get("balance").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void gameWiseSettlementIsThePolicysAndCreditsCarryNoRoundFlag() {
        // "Gamewise" settlement [E3] is the wallet's policy (one credit settles the round's open bets and closes it):
        // the adapter hands it on and decodes the credit as it is, refId and round, with no round flag of its own
        ProviderPolicy gameWise = ProviderPolicy.evolutionDefaults().withSettlement(ProviderPolicy.Settlement.GAMEWISE);
        EvolutionAdapter gw = new EvolutionAdapter(new EvolutionSettings("evo", TOKEN, gameWise));
        assertThat(gw.policy().settlement()).isEqualTo(ProviderPolicy.Settlement.GAMEWISE);
        assertThat(adapter.policy().settlement()).isEqualTo(ProviderPolicy.Settlement.MIXED);
        for (EvolutionAdapter a : new EvolutionAdapter[] {gw, adapter}) {
            Win w = (Win) ((Decoded.Accepted) a.decode(req("credit", bytes("evolution/credit.request.json")))).command();
            assertThat(w.roundClosed()).isFalse();
            assertThat(w.betRef()).isNotNull();
            assertThat(w.roundId()).isNotNull();
        }
    }

    @Test
    void missingOrWrongAuthTokenIs401InvalidTokenId() {
        byte[] body = bytes("evolution/debit.request.json");
        for (InboundRequest r : new InboundRequest[] {
                InboundRequest.of("debit", body),
                new InboundRequest("debit", body, Map.of(), Map.of("authToken", "api-token-12")),
                new InboundRequest("debit", body, Map.of(), Map.of("authToken", "")),
                new InboundRequest("debit", body, Map.of("authToken", TOKEN), Map.of())}) {
            ProviderResponse resp = refused(adapter.decode(r));
            assertThat(resp.httpStatus()).isEqualTo(401);
            assertThat(json(resp.body()).get("status").asText()).isEqualTo("INVALID_TOKEN_ID");
            assertThat(json(resp.body()).get("uuid").asText()).isEqualTo("ce186440-ed92-11e3-ac10-0800200c9a66");
        }
        assertThat(EvolutionAdapter.unknownProvider(InboundRequest.of("debit", body)).httpStatus()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "[]", "{\"sid\":\"s\"}", "{\"sid\":1,\"userId\":\"u\",\"currency\":\"EUR\"}",
            "{\"sid\":\"s\",\"userId\":\"u\",\"currency\":\"EUR\",\"game\":{\"id\":\"r\"},\"transaction\":{\"id\":\"t\",\"refId\":\"r\"}}",
            "{\"sid\":\"s\",\"sid\":\"t\",\"userId\":\"u\"}"})
    void malformedBodiesGetInvalidParameter(String body) {
        ProviderResponse r = refused(adapter.decode(req("debit", body.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(json(r.body()).get("status").asText()).isEqualTo("INVALID_PARAMETER");
    }

    static byte[] debitWith(String amountJson, String currency) {
        return ("{\"sid\":\"s\",\"userId\":\"u\",\"uuid\":\"x\",\"currency\":\"" + currency + "\",\"game\":{\"id\":\"r\"},"
                + "\"transaction\":{\"id\":\"t\",\"refId\":\"rf\",\"amount\":" + amountJson + "}}").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.001", "-1", "\"1e2\"", "\"abc\"", "true", "\"10.001\"", "1E-3"})
    void refusedAmounts(String amount) {
        ProviderResponse r = refused(adapter.decode(req("debit", debitWith(amount, "EUR"))));
        assertThat(json(r.body()).get("status").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void exactAmountsAndUnknownOperation() {
        assertThat(((Bet) accepted("debit", debitWith("10.500", "EUR"))).amount()).isEqualTo(eur(1050));
        assertThat(((Bet) accepted("debit", debitWith("\"0.10\"", "EUR"))).amount()).isEqualTo(eur(10));
        assertThat(((Bet) accepted("debit", debitWith("1e2", "EUR"))).amount()).isEqualTo(eur(10000));
        assertThat(((Bet) accepted("debit", debitWith("100", "JPY"))).amount()).isEqualTo(Money.ofMinor(100, CurrencyUnit.of("JPY")));
        assertThat(json(refused(adapter.decode(req("debit", debitWith("1.5", "JPY")))).body()).get("status").asText())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(json(refused(adapter.decode(req("withdrawal", debitWith("1", "EUR")))).body()).get("status").asText())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void retryableStatusesCarryRetransmission() {
        Bet bet = (Bet) accepted("debit", bytes("evolution/debit.request.json"));
        ProviderResponse r = adapter.encode(bet, Rejected.of(WalletRejection.INTERNAL_ERROR));
        assertThat(json(r.body()).get("status").asText()).isEqualTo("TEMPORARY_ERROR");
        assertThat(json(r.body()).get("retransmission").asBoolean()).isTrue();
        ProviderResponse settled = adapter.encode(bet, Rejected.of(WalletRejection.ALREADY_SETTLED));
        assertThat(json(settled.body()).get("status").asText()).isEqualTo("BET_ALREADY_SETTLED");
        assertThat(json(settled.body()).has("retransmission")).isFalse();
    }
}
