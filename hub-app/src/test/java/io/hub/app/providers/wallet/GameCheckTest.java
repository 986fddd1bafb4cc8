package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.catalogue.ProviderGames;
import io.hub.app.providers.wallet.conformance.Hub88Driver;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Game checks on bets (policy {@code gameCheck}, {@link GameCheckBetGate}): a bet naming a game the provider never
 * listed, a game an operator disabled or a game a sync delisted is refused in the provider's own protocol (Hub88
 * RS_ERROR_INVALID_GAME, Pragmatic 8, Evolution INVALID_PARAMETER) with the player's balance and no write at all, while
 * wins, rollbacks and round ends of rounds already open are applied; providers onboarded without the field (the
 * bench's SQL onboarding) let unknown codes through.
 */
class GameCheckTest extends ProviderWalletTestSupport {
    static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    static final Map<ProviderProtocol, String> INVALID_GAME = Map.of(ProviderProtocol.HUB88, "RS_ERROR_INVALID_GAME",
            ProviderProtocol.PRAGMATIC, "8", ProviderProtocol.EVOLUTION, "INVALID_PARAMETER");
    static final Map<ProviderProtocol, String> OK = Map.of(ProviderProtocol.HUB88, "RS_OK", ProviderProtocol.PRAGMATIC, "0",
            ProviderProtocol.EVOLUTION, "OK");

    @Autowired
    ProviderGames games;

    private ProviderCallbackAnswer call(TestProvider p, String op, Seat s, String tx, String ref, String round, String amount,
                                        boolean roundClosed, String game) {
        ProviderCallback cb = p.driver().render(new ProtocolDriver.Call(op, p.id(), s.playerId().toString(), s.token(), tx, ref, round,
                amount == null ? null : Money.parse(amount, EUR), roundClosed, UUID.randomUUID().toString(), game));
        return cb == null ? null : send(cb);
    }

    private static String status(TestProvider p, ProviderCallbackAnswer a) {
        return p.driver().actualStatus(a);
    }

    private long rows(String table, String providerId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE provider_id = ?", Long.class, providerId);
    }

    @ParameterizedTest
    @EnumSource(ProviderProtocol.class)
    void a_bet_on_a_game_the_provider_never_listed_is_refused_in_its_protocol_and_writes_nothing(ProviderProtocol protocol) {
        TestProvider p = provider(protocol);   // protocol defaults: gameCheck STRICT
        assertThat(p.config().policy().gameCheck()).isEqualTo(io.hub.providers.ProviderPolicy.GameCheck.STRICT);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);

        ProviderCallbackAnswer a = call(p, "bet", s, "A" + k, null, "R" + k, "10.00", false, "never-listed-" + k);

        assertThat(status(p, a)).isEqualTo(INVALID_GAME.get(protocol));
        assertThat(status(p, a)).isEqualTo(p.driver().expectedStatus("UNKNOWN_GAME"));
        assertThat(p.driver().problems(a)).isEmpty();   // Hub88: signed; Pragmatic: HTTP 200; Evolution: HTTP 200 for its status
        assertThat(p.driver().responseBalance(a, EUR)).isEqualTo(Money.parse("100.00", EUR));
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId())).isZero();
        assertThat(rows("provider_transaction", p.id())).isZero();
        assertThat(rows("provider_bet", p.id())).isZero();
        assertThat(rows("provider_round", p.id())).isZero();
        // nothing was kept of the refusal (no tombstone, no idempotency record): the same ids on a listed game play
        ProviderCallbackAnswer ok = call(p, "bet", s, "A" + k, null, "R" + k, "10.00", false, ProtocolDriver.DEFAULT_GAME);
        assertThat(status(p, ok)).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(9_000);
        assertThat(providerTransactions(s.playerId())).isEqualTo(1);
        assertLedgerBalanced();
    }

    static Stream<Arguments> protocolsAndWaysOutOfPlay() {
        return Stream.of(ProviderProtocol.values()).flatMap(p -> Stream.of(Arguments.of(p, "disabled"), Arguments.of(p, "delisted")));
    }

    @ParameterizedTest(name = "{0}, game {1}")
    @MethodSource("protocolsAndWaysOutOfPlay")
    void a_game_taken_out_of_play_refuses_new_bets_but_its_open_rounds_are_still_paid_refunded_and_ended(ProviderProtocol protocol, String how) {
        TestProvider p = provider(protocol);
        Seat s = seat(p, "100.00");
        String k = UUID.randomUUID().toString().substring(0, 8);
        String game = ProtocolDriver.DEFAULT_GAME;
        assertThat(status(p, call(p, "bet", s, "A" + k, null, "R1" + k, "10.00", false, game))).isEqualTo(OK.get(protocol));
        assertThat(status(p, call(p, "bet", s, "C" + k, null, "R2" + k, "5.00", false, game))).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(8_500);

        if (how.equals("disabled")) {
            HttpResponse<String> off = post("/operator/providers/" + p.id() + "/games/" + game + "/disable", "", operatorToken());
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(json(off.body()).get("enabled").asBoolean()).isFalse();
        } else {
            // what a sync that no longer returns the game does (CatalogueSync → ProviderGames.delistMissing)
            assertThat(games.delistMissing(p.id(), Set.of("g1", "game-1", "vs20"), Instant.now())).isEqualTo(1);
            gameAvailability.invalidate(p.id());
        }

        // a new bet on it: refused, answered with the balance, nothing written
        ProviderCallbackAnswer refused = call(p, "bet", s, "B" + k, null, "R3" + k, "1.00", false, game);
        assertThat(status(p, refused)).isEqualTo(INVALID_GAME.get(protocol));
        assertThat(p.driver().responseBalance(refused, EUR)).isEqualTo(Money.parse("85.00", EUR));
        assertThat(cashMinor(s.playerId())).isEqualTo(8_500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_round WHERE provider_id = ? AND round_id = ?", Long.class,
                p.id(), "R3" + k)).isZero();
        // a repeat of a bet accepted before keeps its answer (the provider must not see a held bet as failed)
        assertThat(status(p, call(p, "bet", s, "A" + k, null, "R1" + k, "10.00", false, game))).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(8_500);
        // money owed on the open rounds: the win pays, the refund returns the stake, the round end closes (Pragmatic)
        assertThat(status(p, call(p, "win", s, "W" + k, "A" + k, "R1" + k, "20.00", true, game))).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(10_500);
        assertThat(status(p, call(p, "rollback", s, "RC" + k, "C" + k, "R2" + k, null, false, game))).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(11_000);
        ProviderCallbackAnswer end = call(p, "end-round", s, null, null, "R1" + k, null, false, game);
        if (protocol == ProviderProtocol.PRAGMATIC) {
            assertThat(status(p, end)).isEqualTo("0");
            assertThat(jdbc.queryForObject("SELECT status FROM provider_round WHERE provider_id = ? AND round_id = ?", String.class,
                    p.id(), "R1" + k)).isEqualTo("CLOSED");
        }
        assertThat(providerTransactions(s.playerId())).isEqualTo(4);   // bets A and C, the win, the refund

        // back in play: bets are taken again
        if (how.equals("disabled")) {
            assertThat(post("/operator/providers/" + p.id() + "/games/" + game + "/enable", "", operatorToken()).statusCode()).isEqualTo(200);
        } else {
            list(p.id(), game);   // a sync listing it again
        }
        assertThat(status(p, call(p, "bet", s, "D" + k, null, "R4" + k, "1.00", false, game))).isEqualTo(OK.get(protocol));
        assertThat(cashMinor(s.playerId())).isEqualTo(10_900);
        assertLedgerBalanced();
    }

    @Test
    void a_provider_onboarded_like_the_bench_without_gameCheck_takes_bets_on_unknown_codes_but_not_on_disabled_games() {
        String id = "bench-like-" + UUID.randomUUID().toString().substring(0, 8);
        // exactly what bench/run-provider-bench.sh inserts: a policy written before gameCheck existed
        jdbc.update("INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)"
                + " VALUES (?, 'HUB88', 'Bench Hub88', true, ARRAY['EUR'], '{\"unknownRollback\":\"ACK_WITH_BALANCE\",\"replay\":\"ORIGINAL_RESPONSE\","
                + "\"txIdScope\":\"GLOBAL\",\"tokenOnWin\":\"SKIP\",\"tokenOnRollback\":\"SKIP\",\"partialRollbacks\":false,"
                + "\"cancelAfterSettle\":\"REJECT\",\"creditAfterCancel\":false}', jsonb_build_object('publicKeyPem', ?::text), '{}')",
                id, pem("PUBLIC KEY", PROVIDER_KEYS.getPublic().getEncoded()));
        TestProvider p = new TestProvider(registry.find(id).orElseThrow(),
                new Hub88Driver(PROVIDER_KEYS.getPrivate(), hubKey.publicKey(), "X-Hub88-Signature", 5));
        assertThat(p.config().policy().gameCheck()).isEqualTo(io.hub.providers.ProviderPolicy.GameCheck.LISTED_OR_UNKNOWN_ALLOWED);
        JsonNode view = json(get("/operator/providers/" + id, operatorToken()).body());
        assertThat(view.at("/policy/gameCheck").asText()).isEqualTo("LISTED_OR_UNKNOWN_ALLOWED");
        Seat s = seat(p, "10.00");
        String k = UUID.randomUUID().toString().substring(0, 8);

        // the bench's game code "bench" is in no catalogue: taken, and its win paid
        assertThat(status(p, call(p, "bet", s, "A" + k, null, "R" + k, "1.00", false, "bench"))).isEqualTo("RS_OK");
        assertThat(status(p, call(p, "win", s, "W" + k, "A" + k, "R" + k, "0.50", true, "bench"))).isEqualTo("RS_OK");
        assertThat(cashMinor(s.playerId())).isEqualTo(950);

        // a game its catalogue holds but an operator disabled is still refused
        list(id, "bench-off");
        assertThat(post("/operator/providers/" + id + "/games/bench-off/disable", "", operatorToken()).statusCode()).isEqualTo(200);
        ProviderCallbackAnswer off = call(p, "bet", s, "B" + k, null, "RB" + k, "1.00", false, "bench-off");
        assertThat(status(p, off)).isEqualTo("RS_ERROR_INVALID_GAME");
        assertThat(p.driver().responseBalance(off, EUR)).isEqualTo(Money.parse("9.50", EUR));
        // and a delisted one too
        list(id, "bench-gone");
        assertThat(games.delistMissing(id, Set.of("bench-off"), Instant.now())).isEqualTo(1);
        gameAvailability.invalidate(id);
        assertThat(status(p, call(p, "bet", s, "C" + k, null, "RC" + k, "1.00", false, "bench-gone"))).isEqualTo("RS_ERROR_INVALID_GAME");
        assertThat(cashMinor(s.playerId())).isEqualTo(950);
        assertThat(providerTransactions(s.playerId())).isEqualTo(2);
        assertLedgerBalanced();
    }

    @Test
    void operators_choose_gameCheck_per_provider_and_new_providers_default_to_strict() {
        String base = "{\"protocol\":\"PRAGMATIC\",\"displayName\":\"GC\",\"credentials\":{\"secret\":\"gc-secret-123\"},\"currencies\":[\"EUR\"]";
        String strict = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = post("/operator/providers", "{\"id\":\"" + strict + "\"," + base.substring(1) + "}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r.body()).at("/policy/gameCheck").asText()).isEqualTo("STRICT");

        String lenient = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        r = post("/operator/providers", "{\"id\":\"" + lenient + "\"," + base.substring(1) + ",\"policy\":{\"gameCheck\":\"LISTED_OR_UNKNOWN_ALLOWED\"}}",
                operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r.body()).at("/policy/gameCheck").asText()).isEqualTo("LISTED_OR_UNKNOWN_ALLOWED");
        assertThat(json(r.body()).at("/policy/replay").asText()).isEqualTo("CURRENT_BALANCE");   // other fields keep the defaults
        assertThat(registry.find(lenient).orElseThrow().policy().gameCheck())
                .isEqualTo(io.hub.providers.ProviderPolicy.GameCheck.LISTED_OR_UNKNOWN_ALLOWED);

        HttpResponse<String> off = patch(lenient, "{\"version\":" + json(r.body()).get("version").asLong() + ",\"policy\":{\"gameCheck\":\"OFF\"}}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off.body()).at("/policy/gameCheck").asText()).isEqualTo("OFF");

        HttpResponse<String> bad = post("/operator/providers", "{\"id\":\"gc-bad-" + UUID.randomUUID().toString().substring(0, 6) + "\","
                + base.substring(1) + ",\"policy\":{\"gameCheck\":\"SOMETIMES\"}}", operatorToken());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("error").asText()).isEqualTo("INVALID_MESSAGE");
        assertThat(json(bad.body()).get("message").asText()).contains("gameCheck STRICT|LISTED_OR_UNKNOWN_ALLOWED|OFF");
    }

    private HttpResponse<String> patch(String id, String body) {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/operator/providers/" + id))
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
