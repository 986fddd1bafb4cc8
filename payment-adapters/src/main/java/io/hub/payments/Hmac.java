package io.hub.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC over raw bytes with the JDK ({@link Mac}) and constant-time comparison ({@link MessageDigest#isEqual}).
 * Signatures received as hex are decoded (either case) and compared as bytes.
 */
public final class Hmac {
    private Hmac() {
    }

    /** HMAC-SHA256 of {@code message} with {@code key}. */
    public static byte[] sha256(byte[] key, byte[]... message) {
        return mac("HmacSHA256", key, message);
    }

    /**
     * HMAC of the concatenated message parts.
     *
     * @param jdkAlgorithm a JDK {@link Mac} name such as {@code HmacSHA256}, {@code HmacSHA512}
     */
    public static byte[] mac(String jdkAlgorithm, byte[] key, byte[]... message) {
        try {
            Mac mac = Mac.getInstance(jdkAlgorithm);
            mac.init(new SecretKeySpec(key, jdkAlgorithm));
            for (byte[] part : message) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + jdkAlgorithm, e);
        }
    }

    /** UTF-8 bytes of a string (secrets used as keys, ASCII prefixes). */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The hex text decoded to bytes; empty when it is not an even-length hex string. */
    public static Optional<byte[]> fromHex(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() % 2 != 0) return Optional.empty();
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Constant-time equality of two byte arrays (time depends only on the length). */
    public static boolean equal(byte[] expected, byte[] candidate) {
        return MessageDigest.isEqual(expected, candidate);
    }
}
