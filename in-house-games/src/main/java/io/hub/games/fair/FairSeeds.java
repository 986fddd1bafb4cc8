package io.hub.games.fair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Seeds of the provably fair scheme (docs/fairness.md §1).
 *
 * <ul>
 *   <li>Server seed: 32 bytes, shown as 64 lowercase hex characters.</li>
 *   <li>Commitment: lowercase hex of SHA-256 (FIPS 180-4) over the 32 server-seed <em>bytes</em> (not the hex text).</li>
 *   <li>Client seed: 1 to 64 printable ASCII characters (U+0020..U+007E), chosen by the player; default 16 random
 *       lowercase hex characters.</li>
 * </ul>
 */
public final class FairSeeds {
    /** Server seed length in bytes. */
    public static final int SERVER_SEED_BYTES = 32;
    /** Longest client seed, in characters. */
    public static final int MAX_CLIENT_SEED = 64;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CLIENT_SEED = Pattern.compile("[\\x20-\\x7E]{1," + MAX_CLIENT_SEED + "}");
    private static final HexFormat HEX = HexFormat.of();

    private FairSeeds() {
    }

    /**
     * A fresh server seed: 8 words of {@code words} (each big-endian), e.g. {@code DrbgRandomSource::nextRawWord}.
     *
     * @return 32 bytes
     */
    public static byte[] newServerSeed(IntSupplier words) {
        byte[] seed = new byte[SERVER_SEED_BYTES];
        for (int i = 0; i < SERVER_SEED_BYTES; i += 4) {
            int w = words.getAsInt();
            seed[i] = (byte) (w >>> 24);
            seed[i + 1] = (byte) (w >>> 16);
            seed[i + 2] = (byte) (w >>> 8);
            seed[i + 3] = (byte) w;
        }
        return seed;
    }

    /** A default client seed: 16 lowercase hex characters from 2 words of {@code words}. */
    public static String newClientSeed(IntSupplier words) {
        return String.format("%08x%08x", words.getAsInt(), words.getAsInt());
    }

    /** Lowercase hex of SHA-256 over the seed bytes. */
    public static String commitment(byte[] serverSeed) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(serverSeed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Lowercase hex of SHA-256 over the seed given as hex. @throws IllegalArgumentException for a malformed seed */
    public static String commitment(String serverSeedHex) {
        return commitment(parseServerSeed(serverSeedHex));
    }

    /** Lowercase hex of the bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * @param hex exactly 64 lowercase hex characters
     * @return the 32 bytes
     * @throws IllegalArgumentException otherwise
     */
    public static byte[] parseServerSeed(String hex) {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("a server seed is 64 lowercase hex characters (32 bytes)");
        }
        return HEX.parseHex(hex);
    }

    /** Why {@code clientSeed} is not allowed, or empty when it is (1..64 printable ASCII characters). */
    public static Optional<String> checkClientSeed(String clientSeed) {
        if (clientSeed == null || !CLIENT_SEED.matcher(clientSeed).matches()) {
            return Optional.of("clientSeed must be 1 to " + MAX_CLIENT_SEED + " printable ASCII characters (space to ~)");
        }
        return Optional.empty();
    }

    /** The UTF-8 (= ASCII) bytes of the HMAC message {@code "<clientSeed>:<nonce>:<spin>:<reel>:<counter>"}. */
    public static byte[] message(String clientSeed, long nonce, int spin, int reel, long counter) {
        return (clientSeed + ":" + nonce + ":" + spin + ":" + reel + ":" + counter).getBytes(StandardCharsets.UTF_8);
    }
}
