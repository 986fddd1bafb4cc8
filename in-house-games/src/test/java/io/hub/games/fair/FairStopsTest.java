package io.hub.games.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.games.InHouseGames;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provably fair mapping against known vectors. The expected values were computed independently with Python's
 * {@code hmac}/{@code hashlib} (not with this code), following docs/fairness.md §2.
 */
public class FairStopsTest {
    public static final String SEED = "19f3430f0545117bc615ffce93e9358192b7af1e28f62936543f73f0b3f62036";
    public static final String COMMITMENT = "efc28c9b5d748086495a7533a7ad250b897932851c1e5eaf090013d53ecbfa7e";
    public static final byte[] SEED_BYTES = HexFormat.of().parseHex(SEED);
    static final String CLIENT = "player-seed";

    @Test
    void commitmentIsSha256OfTheSeedBytes() {
        assertThat(FairSeeds.commitment(SEED_BYTES)).isEqualTo(COMMITMENT);
        assertThat(FairSeeds.commitment(SEED)).isEqualTo(COMMITMENT);
    }

    @Test
    void hmacMessageAndFirstBlock() {
        assertThat(new String(FairSeeds.message(CLIENT, 7, 0, 0, 0))).isEqualTo("player-seed:7:0:0:0");
        FairStops f = new FairStops(SEED_BYTES, CLIENT, 7);
        assertThat(HexFormat.of().formatHex(f.block(0, 0, 0)))
                .isEqualTo("76339a1738d758157ba9747502765af606b4f25d54bc0d3037f3b0ccb317a5b9");
    }

    @Test
    void stopsOfAThirtyTwoStopStripAreTheFirstWordModThirtyTwo() {
        FairStops f = new FairStops(SEED_BYTES, CLIENT, 7);
        long[] expected = {23, 19, 25, 2, 1};
        long[] words = {1983093271L, 2839224947L, 2508193401L, 2566252450L, 1535879265L};
        for (int r = 0; r < 5; r++) {
            FairStops.Draw d = f.draw(0, r, 32);
            assertThat(d.value()).as("reel %d", r).isEqualTo(expected[r]);
            assertThat(d.word()).isEqualTo(words[r]);
            assertThat(d.rejected()).isZero(); // 32 divides 2^32: nothing is ever rejected
        }
    }

    @Test
    void wordsAtOrAboveTheLimitAreRejected() {
        FairStops f = new FairStops(SEED_BYTES, CLIENT, 7);
        long m = (1L << 31) + 1; // limit = 2^31 + 1: about half of all words are rejected
        assertThat(FairStops.limit(m)).isEqualTo((1L << 31) + 1);
        assertThat(f.draw(0, 0, m)).isEqualTo(new FairStops.Draw(1983093271L, 1983093271L, 0));
        assertThat(f.draw(0, 1, m)).isEqualTo(new FairStops.Draw(1452833494L, 1452833494L, 1));
        assertThat(f.draw(0, 2, m)).isEqualTo(new FairStops.Draw(468761711L, 468761711L, 2));
        // nine rejections: the eight words of counter 0 and the first of counter 1
        assertThat(f.draw(485, 0, m)).isEqualTo(new FairStops.Draw(251499529L, 251499529L, 9));
        // m = 3e9: limit 3e9; spin 2 reel 1 rejects two words
        assertThat(f.draw(2, 1, 3_000_000_000L)).isEqualTo(new FairStops.Draw(2394979460L, 2394979460L, 2));
    }

    @Test
    void limitIsTheLargestMultipleOfMNotAbove2To32() {
        assertThat(FairStops.limit(1)).isEqualTo(1L << 32);
        assertThat(FairStops.limit(3)).isEqualTo(4294967295L); // only 0xFFFFFFFF is rejected
        assertThat(FairStops.limit(32)).isEqualTo(1L << 32);
        assertThat(FairStops.limit(100)).isEqualTo(4294967200L);
        assertThatThrownBy(() -> FairStops.limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionMakesEveryResidueEquallyLikelyOnAReducedWordSize() {
        // The same rule on 8-bit words, enumerated exhaustively: limit = floor(256/m)*m accepts each residue
        // exactly floor(256/m) times, while a bare modulo would favour the low residues.
        for (int m = 1; m <= 256; m++) {
            int limit = (256 / m) * m;
            int[] count = new int[m];
            for (int w = 0; w < 256; w++) if (w < limit) count[w % m]++;
            for (int v = 0; v < m; v++) assertThat(count[v]).as("m=%d v=%d", m, v).isEqualTo(256 / m);
        }
        int[] biased = new int[3];
        for (int w = 0; w < 256; w++) biased[w % 3]++;
        assertThat(biased).containsExactly(86, 85, 85);
    }

    @Test
    void theEnginePlaysTheContractStops() {
        SlotGame game = InHouseGames.loadResource("games/atkins-diet.json");
        // look for a nonce whose round has free spins, so spin indexes above 0 are exercised
        SlotRound withFree = null;
        long nonce = 0;
        for (; nonce < 5_000 && withFree == null; nonce++) {
            SlotRound r = FairVerifier.recompute(game, SEED_BYTES, CLIENT, nonce, 20);
            if (!r.freeSpins().isEmpty()) withFree = r;
        }
        assertThat(withFree).as("a round with free spins among 5,000 nonces").isNotNull();
        long used = nonce - 1;
        FairStops f = new FairStops(SEED_BYTES, CLIENT, used);
        List<SlotRound.Spin> spins = withFree.allSpins();
        for (int s = 0; s < spins.size(); s++) {
            for (int r = 0; r < 5; r++) {
                assertThat(spins.get(s).stops().get(r)).as("spin %d reel %d", s, r)
                        .isEqualTo((int) f.value(s, r, game.engine().stopCount(r)));
            }
        }
        assertThat(spins.get(1).multiplier()).isEqualTo(3); // Atkins Diet's free spins pay triple
        // the same inputs always give the same round
        assertThat(FairVerifier.recompute(game, SEED_BYTES, CLIENT, used, 20).allStops()).isEqualTo(withFree.allStops());
    }

    @Test
    void fairSourceDrawsOneValuePerReelPerSpin() {
        SlotGame rwb = InHouseGames.loadResource("games/red-white-blue.json");
        FairRandomSource src = new FairRandomSource(SEED_BYTES, CLIENT, 3, 3);
        SlotRound r = rwb.playRound(src, 100, 1);
        assertThat(src.draws()).isEqualTo(3);
        FairStops f = new FairStops(SEED_BYTES, CLIENT, 3);
        // Red White & Blue has weighted strips: m is the total weight, the stop the first with cumulative weight > value
        for (int reel = 0; reel < 3; reel++) {
            long v = f.value(0, reel, rwb.engine().totalWeight(reel));
            long acc = 0;
            int stop = -1;
            for (int s = 0; s < rwb.engine().stopCount(reel); s++) {
                acc += rwb.engine().stopWeight(reel, s);
                if (acc > v) {
                    stop = s;
                    break;
                }
            }
            assertThat(r.base().stops().get(reel)).as("reel %d", reel).isEqualTo(stop);
        }
    }

    @Test
    void badInputsAreRefused() {
        assertThatThrownBy(() -> FairSeeds.parseServerSeed(SEED.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FairSeeds.parseServerSeed(SEED.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FairSeeds.checkClientSeed("")).isPresent();
        assertThat(FairSeeds.checkClientSeed("x".repeat(65))).isPresent();
        assertThat(FairSeeds.checkClientSeed("caf\u00e9")).isPresent();
        assertThat(FairSeeds.checkClientSeed("tab\there")).isPresent();
        assertThat(FairSeeds.checkClientSeed("x".repeat(64))).isEmpty();
        assertThat(FairSeeds.checkClientSeed("my lucky seed: 42!")).isEmpty();
        assertThatThrownBy(() -> new FairStops(SEED_BYTES, CLIENT, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newSeedsComeFromTheWordSource() {
        int[] words = {0x01020304, 0x05060708, 0x090a0b0c, 0x0d0e0f10, 0x11121314, 0x15161718, 0x191a1b1c, 0x1d1e1f20};
        int[] i = {0};
        byte[] seed = FairSeeds.newServerSeed(() -> words[i[0]++]);
        assertThat(FairSeeds.hex(seed)).isEqualTo("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        int[] j = {0};
        assertThat(FairSeeds.newClientSeed(() -> new int[] {0xdeadbeef, 0x00c0ffee}[j[0]++])).isEqualTo("deadbeef00c0ffee");
    }
}
