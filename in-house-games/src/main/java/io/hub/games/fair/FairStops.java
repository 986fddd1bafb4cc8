package io.hub.games.fair;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reel stops of the provably fair scheme (docs/fairness.md §2).
 *
 * <p>For spin {@code s} of a round (0 = the paid spin, 1.. = its free spins) and reel {@code r} (0-based), uint32
 * words are read from HMAC-SHA256 (RFC 2104, FIPS 180-4) with key = the 32 server-seed bytes and message = UTF-8
 * {@code "<clientSeed>:<nonce>:<s>:<r>:<counter>"}, counter from 0: each 32-byte HMAC output gives 8 big-endian
 * words used in order, then the counter goes up by one. A word {@code w} is mapped to {@code [0, m)} without bias
 * by rejection: {@code limit = floor(2^32 / m) * m}; accept when {@code w < limit}, value {@code w mod m}; else
 * take the next word. {@code m} is the strip length, or the total weight of a weighted strip (the value then
 * selects the first stop whose cumulative weight, in strip order, exceeds it: done by the slot engine).
 *
 * <p>Not thread-safe (one {@link Mac}); create one per round.
 */
public final class FairStops {
    private static final long RANGE = 1L << 32;
    private final Mac mac;
    private final String clientSeed;
    private final long nonce;

    /**
     * @param serverSeed the 32 server-seed bytes
     * @param clientSeed the client seed (see {@link FairSeeds#checkClientSeed})
     * @param nonce      the round's nonce, at least 0
     * @throws IllegalArgumentException for a malformed seed or a negative nonce
     */
    public FairStops(byte[] serverSeed, String clientSeed, long nonce) {
        if (serverSeed == null || serverSeed.length != FairSeeds.SERVER_SEED_BYTES) {
            throw new IllegalArgumentException("the server seed is " + FairSeeds.SERVER_SEED_BYTES + " bytes");
        }
        FairSeeds.checkClientSeed(clientSeed).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (nonce < 0) throw new IllegalArgumentException("nonce must be at least 0");
        this.clientSeed = clientSeed;
        this.nonce = nonce;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSeed, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** {@code floor(2^32 / m) * m}: words at or above it are rejected. @throws IllegalArgumentException when m < 1 */
    public static long limit(long m) {
        if (m < 1 || m > RANGE) throw new IllegalArgumentException("m must be in 1..2^32: " + m);
        return (RANGE / m) * m;
    }

    /** The 32-byte HMAC output for (spin, reel, counter). */
    public byte[] block(int spin, int reel, long counter) {
        return mac.doFinal(FairSeeds.message(clientSeed, nonce, spin, reel, counter));
    }

    /**
     * The value in {@code [0, m)} for (spin, reel).
     *
     * @param m strip length or total strip weight, 1..2^32
     */
    public long value(int spin, int reel, long m) {
        return draw(spin, reel, m).value();
    }

    /**
     * Like {@link #value} with how it was reached (for the worked example and tests).
     *
     * @param value    the result in {@code [0, m)}
     * @param word     the accepted uint32 word
     * @param rejected words rejected before it
     */
    public record Draw(long value, long word, int rejected) {
    }

    public Draw draw(int spin, int reel, long m) {
        if (spin < 0 || reel < 0) throw new IllegalArgumentException("spin and reel are 0-based");
        long limit = limit(m);
        int rejected = 0;
        for (long counter = 0; ; counter++) {
            byte[] b = block(spin, reel, counter);
            for (int i = 0; i < 32; i += 4) {
                long w = ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
                if (w < limit) return new Draw(w % m, w, rejected);
                rejected++;
            }
        }
    }

    public String clientSeed() {
        return clientSeed;
    }

    public long nonce() {
        return nonce;
    }

    @Override
    public String toString() {
        return "FairStops[clientSeed=" + Objects.toString(clientSeed) + ", nonce=" + nonce + "]";
    }
}
