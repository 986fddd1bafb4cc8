package io.hub.games.fair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.games.InHouseGames;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value of the worked example in docs/fairness.md §5. The HMAC values and the signature were also computed
 * independently (Python's hmac/hashlib, and the {@code cryptography} package's Ed25519 over
 * {@code json.dumps(sort_keys=True, separators=(',', ':'))}), so this test ties the document, the Java code and an
 * outside implementation together.
 */
class WorkedExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void atkinsDietNonce7TriggersTenFreeSpins() {
        byte[] seed = FairStopsTest.SEED_BYTES;
        FairStops f = new FairStops(seed, "player-seed", 7);
        assertThat(HexFormat.of().formatHex(f.block(0, 0, 0)))
                .isEqualTo("76339a1738d758157ba9747502765af606b4f25d54bc0d3037f3b0ccb317a5b9");
        assertThat(HexFormat.of().formatHex(f.block(0, 1, 0)))
                .isEqualTo("a93b227356987ad6a6702803359ceb562726977f6f233009ef9b0dbb912c00b2");
        SlotGame atkins = InHouseGames.loadResource("games/atkins-diet.json");
        SlotRound r = FairVerifier.recompute(atkins, seed, "player-seed", 7, 20);
        assertThat(r.allStops()).containsExactly(List.of(23, 19, 25, 2, 1), List.of(13, 11, 3, 9, 8), List.of(9, 16, 19, 18, 9),
                List.of(4, 12, 30, 1, 31), List.of(27, 9, 6, 3, 27), List.of(8, 29, 5, 7, 16), List.of(1, 20, 20, 29, 4),
                List.of(21, 18, 23, 7, 6), List.of(0, 11, 25, 24, 14), List.of(24, 4, 25, 29, 0), List.of(0, 17, 1, 25, 28));
        assertThat(r.base().window()).containsExactly(List.of("Cheese", "Eggs", "Scale"), List.of("Buffalo Wings", "Scale", "Mayonnaise"),
                List.of("Atkins", "Buffalo Wings", "Bacon"), List.of("Atkins", "Scale", "Butter"), List.of("Scale", "Steak", "Ham"));
        assertThat(r.base().winMinor()).isEqualTo(500); // 4 scatters pay 25 x 0.20
        assertThat(r.freeSpins()).hasSize(10);
        assertThat(r.payoutMinor()).isEqualTo(935);
    }

    @Test
    void theSignedRedWhiteBlueFrame() throws Exception {
        byte[] seed = FairStopsTest.SEED_BYTES;
        SlotGame rwb = InHouseGames.loadResource("games/red-white-blue.json");
        SlotRound r = FairVerifier.recompute(rwb, seed, "player-seed", 7, 100);
        assertThat(r.allStops()).containsExactly(List.of(23, 51, 57));
        assertThat(r.payoutMinor()).isZero();

        String frame = "{\"type\":\"spinResult\",\"requestId\":\"r-1\",\"roundId\":\"0193a5c4-0000-7000-8000-000000000001\","
                + "\"gameId\":\"red-white-blue\",\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],\"bet\":\"1.00\",\"payout\":\"0.00\","
                + "\"balance\":\"99.00\",\"currency\":\"EUR\",\"balanceVersion\":3,\"spins\":[{\"index\":0,\"stops\":[23,51,57],"
                + "\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],\"multiplier\":1,\"win\":\"0.00\",\"wins\":[]}],"
                + "\"fairness\":{\"serverSeedHash\":\"" + FairStopsTest.COMMITMENT + "\",\"clientSeed\":\"player-seed\",\"nonce\":7},"
                + "\"kid\":\"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\","
                + "\"signature\":\"pJLBO60FPXUX6-91Uc77s6_tr9AJ5zG8JKh194BguYJzyCqJacmHA4Y_JMGtW3Owuxuj9bFNjdSmBM50a2lZCg\"}";
        ObjectNode node = (ObjectNode) JSON.readTree(frame);
        assertThat(new String(SpinSignature.signingInput(node), StandardCharsets.UTF_8)).isEqualTo(
                "{\"balance\":\"99.00\",\"balanceVersion\":3,\"bet\":\"1.00\",\"currency\":\"EUR\",\"fairness\":{\"clientSeed\":\"player-seed\","
                        + "\"nonce\":7,\"serverSeedHash\":\"efc28c9b5d748086495a7533a7ad250b897932851c1e5eaf090013d53ecbfa7e\"},"
                        + "\"gameId\":\"red-white-blue\",\"kid\":\"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\",\"payout\":\"0.00\","
                        + "\"requestId\":\"r-1\",\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],"
                        + "\"roundId\":\"0193a5c4-0000-7000-8000-000000000001\",\"spins\":[{\"index\":0,\"multiplier\":1,"
                        + "\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],\"stops\":[23,51,57],\"win\":\"0.00\",\"wins\":[]}],"
                        + "\"type\":\"spinResult\"}");
        // RFC 8032 §7.1 TEST 1 key (its public JWK: x = 11qYAYKx…, kid = its RFC 7638 thumbprint)
        PrivateKey sk = SpinSignature.privateKey("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        PublicKey pk = SpinSignature.publicKey("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        assertThat(SpinSignature.sign(sk, node)).isEqualTo(node.get("signature").asText()); // Ed25519 is deterministic
        assertThat(SpinSignature.verify(pk, node)).isTrue();
        node.put("payout", "1.00");
        assertThat(SpinSignature.verify(pk, node)).isFalse();
    }
}
