package io.hub.app.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.app.HubIntegrationTest;
import io.hub.games.InHouseGames;
import io.hub.games.fair.CanonicalJson;
import io.hub.games.fair.FairSeeds;
import io.hub.games.fair.FairVerifier;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provably fair and signed spins end to end: a spin over the WebSocket, its Ed25519 signature checked with the JDK
 * verifier against the published JWK, the seed rotated and the spin recomputed from the revealed seed; a tampered
 * frame fails; a free-spin round is paid within one round id and replayed for an audit.
 */
class ProvablyFairSpinTest extends HubIntegrationTest {
    private static final SlotGame ATKINS = InHouseGames.loadResource("games/atkins-diet.json");
    @Autowired
    SeedVault vault;

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The JDK's own Ed25519 verifier over the RFC 8785 form of the frame without "signature". */
    private static boolean jdkVerifies(JsonNode jwk, JsonNode frame) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(jwk.get("x").asText());
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        ObjectNode unsigned = ((ObjectNode) frame).deepCopy();
        unsigned.remove("signature");
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(CanonicalJson.bytes(unsigned));
        return v.verify(Base64.getUrlDecoder().decode(frame.get("signature").asText()));
    }

    private static List<List<Integer>> stopsOf(JsonNode spins) {
        List<List<Integer>> out = new ArrayList<>();
        for (JsonNode s : spins) {
            List<Integer> one = new ArrayList<>();
            s.get("stops").forEach(n -> one.add(n.asInt()));
            out.add(one);
        }
        return out;
    }

    @Test
    void spinSignedThenRotatedThenRecomputedFromTheRevealedSeed() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        Tokens t = login(p.username(), p.password());

        JsonNode before = json(get("/fairness", t.accessToken()).body());
        String hash = before.get("serverSeedHash").asText();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(before.get("clientSeed").asText()).matches("[0-9a-f]{16}");
        assertThat(before.get("nonce").asLong()).isZero();

        HttpResponse<String> set = send("PUT", "/fairness/client-seed", "{\"clientSeed\":\"my lucky seed: 7\"}", t.accessToken());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set.body()).get("serverSeedHash").asText()).isEqualTo(hash);
        assertThat(json(set.body()).get("clientSeed").asText()).isEqualTo("my lucky seed: 7");
        assertThat(send("PUT", "/fairness/client-seed", "{\"clientSeed\":\"\"}", t.accessToken()).statusCode()).isEqualTo(400);
        assertThat(json(send("PUT", "/fairness/client-seed", "{\"clientSeed\":12}", t.accessToken()).body()).get("error").asText())
                .isEqualTo("INVALID_CLIENT_SEED");

        JsonNode jwk = json(get("/fairness/signing-key", null).body()); // public, no token
        assertThat(jwk.get("kty").asText()).isEqualTo("OKP");
        assertThat(jwk.get("crv").asText()).isEqualTo("Ed25519");

        JsonNode first;
        JsonNode second;
        try (Lobby lobby = openLobby(t.wsToken())) {
            first = lobby.spin("atkins-diet", "0.20", "pf-1");
            second = lobby.spin("atkins-diet", "0.20", "pf-2");
            // a retry of the same requestId gets the same signed answer
            assertThat(lobby.spin("atkins-diet", "0.20", "pf-1")).isEqualTo(first);
        }
        assertThat(first.get("type").asText()).as(first.toString()).isEqualTo("spinResult");
        assertThat(first.get("fairness").get("serverSeedHash").asText()).isEqualTo(hash);
        assertThat(first.get("fairness").get("clientSeed").asText()).isEqualTo("my lucky seed: 7");
        assertThat(first.get("fairness").get("nonce").asLong()).isZero();
        assertThat(second.get("fairness").get("nonce").asLong()).isEqualTo(1);
        assertThat(first.get("kid").asText()).isEqualTo(jwk.get("kid").asText());
        assertThat(first.get("spins").get(0).get("index").asInt()).isZero();

        // the signature checks with the JDK's Ed25519 verifier; any change to the frame breaks it
        assertThat(jdkVerifies(jwk, first)).isTrue();
        assertThat(jdkVerifies(jwk, second)).isTrue();
        ObjectNode tampered = first.deepCopy();
        tampered.put("payout", "1000.00");
        assertThat(jdkVerifies(jwk, tampered)).isFalse();
        ObjectNode otherNonce = first.deepCopy();
        ((ObjectNode) otherNonce.get("fairness")).put("nonce", 5);
        assertThat(jdkVerifies(jwk, otherNonce)).isFalse();

        // before the reveal: the round shows its inputs, no seed, no verdict; the seed is stored only sealed
        String roundId = first.get("roundId").asText();
        JsonNode hidden = json(get("/fairness/rounds/" + roundId, t.accessToken()).body());
        assertThat(hidden.has("serverSeed")).isTrue();
        assertThat(hidden.get("serverSeed").isNull()).isTrue();
        assertThat(hidden.get("verified").isNull()).isTrue();
        assertThat(hidden.get("nonce").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fair_seed WHERE player_id = ? AND revealed_at IS NULL AND server_seed IS NULL",
                Long.class, p.id())).isEqualTo(1);

        HttpResponse<String> rot = send("POST", "/fairness/rotate", null, t.accessToken());
        assertThat(rot.statusCode()).as(rot.body()).isEqualTo(200);
        JsonNode revealed = json(rot.body()).get("revealed");
        JsonNode current = json(rot.body()).get("current");
        String seed = revealed.get("serverSeed").asText();
        assertThat(revealed.get("serverSeedHash").asText()).isEqualTo(hash);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(seed)))).isEqualTo(hash);
        assertThat(revealed.get("lastNonce").asLong()).isEqualTo(1);
        assertThat(current.get("serverSeedHash").asText()).isNotEqualTo(hash);
        assertThat(current.get("clientSeed").asText()).isEqualTo("my lucky seed: 7");
        assertThat(current.get("nonce").asLong()).isZero();

        // recomputed from the revealed seed, independently of the hub: same stops, same payout
        SlotRound again = FairVerifier.recompute(ATKINS, HexFormat.of().parseHex(seed), "my lucky seed: 7", 0, 20);
        assertThat(again.allStops()).isEqualTo(stopsOf(first.get("spins")));
        assertThat(again.payoutMinor()).isEqualTo(new java.math.BigDecimal(first.get("payout").asText()).movePointRight(2).longValueExact());
        JsonNode shown = json(get("/fairness/rounds/" + roundId, t.accessToken()).body());
        assertThat(shown.get("serverSeed").asText()).isEqualTo(seed);
        assertThat(shown.get("verified").asBoolean()).isTrue();
        assertThat(shown.get("betMinor").asLong()).isEqualTo(20);
        assertThat(shown.get("currency").asText()).isEqualTo("EUR");

        // another player cannot see this round; an operator token is not a player's
        TestPlayer q = newPlayer("EUR", "0");
        assertThat(get("/fairness/rounds/" + roundId, login(q.username(), q.password()).accessToken()).statusCode()).isEqualTo(404);
        assertThat(get("/fairness/rounds/" + roundId, operatorToken()).statusCode()).isEqualTo(403);
        assertThat(get("/fairness/rounds/not-a-uuid", t.accessToken()).statusCode()).isEqualTo(404);
        assertLedgerBalanced();
    }

    @Test
    void aFreeSpinRoundIsPaidInOneRoundAndReplaysForAnAudit() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        Tokens t = login(p.username(), p.password());
        // a known server seed, sealed the way the hub seals it, so the test can pick a client seed that triggers
        // free spins at nonce 0 (this is exactly why a real seed stays sealed until rotation)
        byte[] seed = HexFormat.of().parseHex("5eed5eed" + "00".repeat(28));
        UUID seedId = UUID.randomUUID();
        String clientSeed = null;
        SlotRound expected = null;
        for (int i = 0; i < 5_000 && clientSeed == null; i++) {
            SlotRound r = FairVerifier.recompute(ATKINS, seed, "fs-" + i, 0, 40);
            if (r.freeSpins().size() >= 10) {
                clientSeed = "fs-" + i;
                expected = r;
            }
        }
        assertThat(clientSeed).as("a client seed with free spins at nonce 0").isNotNull();
        jdbc.update("INSERT INTO fair_seed (id, player_id, server_seed_hash, server_seed_sealed, client_seed) VALUES (?, ?, ?, ?, ?)",
                seedId, p.id(), FairSeeds.commitment(seed), vault.seal(seed, "fair_seed:" + seedId), clientSeed);

        JsonNode frame;
        try (Lobby lobby = openLobby(t.wsToken())) {
            frame = lobby.spin("atkins-diet", "0.40", "fs-round");
        }
        JsonNode spins = frame.get("spins");
        assertThat(spins).hasSize(1 + expected.freeSpins().size());
        assertThat(stopsOf(spins)).isEqualTo(expected.allStops());
        assertThat(spins.get(1).get("multiplier").asInt()).isEqualTo(3);
        long paid = new java.math.BigDecimal(frame.get("payout").asText()).movePointRight(2).longValueExact();
        assertThat(paid).isEqualTo(expected.payoutMinor());
        long sumOfSpins = 0;
        for (JsonNode s : spins) sumOfSpins += new java.math.BigDecimal(s.get("win").asText()).movePointRight(2).longValueExact();
        assertThat(sumOfSpins).isEqualTo(paid);
        assertThat(jdkVerifies(json(get("/fairness/signing-key", null).body()), frame)).isTrue();

        // one round id, one ledger settlement paying the whole round
        String roundId = frame.get("roundId").asText();
        assertThat(jdbc.queryForObject("SELECT payout_minor FROM game_round WHERE id = ?::uuid", Long.class, roundId)).isEqualTo(paid);
        assertThat(jdbc.queryForObject("SELECT json_array_length(outcome->'spins') FROM game_round WHERE id = ?::uuid", Integer.class,
                roundId)).isEqualTo(spins.size());

        // the audit replay: stored stops through the engine give back every spin's win and the payout
        HttpResponse<String> r = get("/operator/rounds/" + roundId + "/replay", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode replay = json(r.body());
        assertThat(replay.get("matches").asBoolean()).as(r.body()).isTrue();
        assertThat(replay.get("replayedPayoutMinor").asLong()).isEqualTo(paid);
        assertThat(replay.get("paidPayoutMinor").asLong()).isEqualTo(paid);
        assertThat(replay.get("spins")).hasSize(spins.size());
        assertThat(replay.get("spins").get(1).get("multiplier").asInt()).isEqualTo(3);
        assertThat(replay.get("problems")).isEmpty();
        assertThat(replay.get("fairness").get("revealed").asBoolean()).isFalse();
        assertThat(replay.get("fairness").get("verified").isNull()).isTrue();
        assertThat(get("/operator/rounds/" + roundId + "/replay", t.accessToken()).statusCode()).isEqualTo(403);
        assertThat(get("/operator/rounds/" + UUID.randomUUID() + "/replay", operatorToken()).statusCode()).isEqualTo(404);

        // a stored round altered after the fact no longer matches: one free spin removed from the record
        jdbc.update("UPDATE game_round SET outcome = json_build_object('spins', (SELECT json_agg(e) FROM json_array_elements(outcome->'spins') "
                + "WITH ORDINALITY AS x(e, n) WHERE n < json_array_length(outcome->'spins'))) WHERE id = ?::uuid", roundId);
        JsonNode broken = json(get("/operator/rounds/" + roundId + "/replay", operatorToken()).body());
        assertThat(broken.get("matches").asBoolean()).isFalse();
        assertThat(broken.get("problems").get(0).asText()).contains("more free spins");

        // the seed row: a nonce never goes back, a revealed seed is final (V6 trigger)
        assertThat(jdbc.queryForObject("SELECT next_nonce FROM fair_seed WHERE id = ?", Long.class, seedId)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE fair_seed SET next_nonce = 0 WHERE id = ?", seedId))
                .hasMessageContaining("never goes back");
        assertThat(send("POST", "/fairness/rotate", null, t.accessToken()).statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE fair_seed SET client_seed = 'x' WHERE id = ?", seedId))
                .hasMessageContaining("revealed seed is final");
        assertLedgerBalanced();
    }

    @Test
    void concurrentSpinsOfOnePlayerUseEachNonceOnce() throws Exception {
        TestPlayer p = newPlayer("EUR", "50.00");
        Tokens a = login(p.username(), p.password());
        Tokens b = login(p.username(), p.password());
        JsonNode jwk = json(get("/fairness/signing-key", null).body());
        List<JsonNode> frames = new ArrayList<>();
        try (Lobby one = openLobby(a.wsToken()); Lobby two = openLobby(b.wsToken())) {
            for (int i = 0; i < 6; i++) {
                one.send("{\"action\":\"spin\",\"gameId\":\"red-white-blue\",\"bet\":\"0.20\",\"requestId\":\"c-a-" + i + "\"}");
                two.send("{\"action\":\"spin\",\"gameId\":\"red-white-blue\",\"bet\":\"0.20\",\"requestId\":\"c-b-" + i + "\"}");
            }
            for (int i = 0; i < 6; i++) {
                frames.add(one.reply("c-a-" + i));
                frames.add(two.reply("c-b-" + i));
            }
        }
        List<Long> nonces = new ArrayList<>();
        for (JsonNode f : frames) {
            assertThat(f.get("type").asText()).as(f.toString()).isEqualTo("spinResult");
            assertThat(jdkVerifies(jwk, f)).isTrue();
            nonces.add(f.get("fairness").get("nonce").asLong());
        }
        assertThat(nonces).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(json(get("/fairness", a.accessToken()).body()).get("nonce").asLong()).isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT nonce) FROM game_round WHERE player_id = ?", Long.class, p.id())).isEqualTo(12);
    }
}
