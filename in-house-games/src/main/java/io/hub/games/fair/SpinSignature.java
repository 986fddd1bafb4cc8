package io.hub.games.fair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032, the JDK's built-in {@code "Ed25519"}) signatures of {@code spinResult} frames
 * (docs/fairness.md §4).
 *
 * <p>Signed bytes: the RFC 8785 canonical UTF-8 form ({@link CanonicalJson}) of the frame object with its
 * {@code signature} member removed (every other member, {@code kid} included, is signed). The signature travels
 * as base64url without padding (RFC 4648 §5) in {@code signature}. The public key is published as an RFC 8037
 * OKP JWK: {@code {"kty":"OKP","crv":"Ed25519","x":<base64url of the 32 raw key bytes>,"kid"}}, with
 * {@code kid} = the RFC 7638 thumbprint (base64url SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":"…"}}).
 */
public final class SpinSignature {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 raw key bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER prefix of an Ed25519 PKCS#8 v1 private key (RFC 8410); the 32-byte seed follows. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DEC = Base64.getUrlDecoder();

    private SpinSignature() {
    }

    /** The bytes that are signed: canonical JSON of {@code frame} without {@code signature}. */
    public static byte[] signingInput(ObjectNode frame) {
        ObjectNode copy = frame.deepCopy();
        copy.remove("signature");
        return CanonicalJson.bytes(copy);
    }

    /** base64url (no padding) Ed25519 signature of {@link #signingInput}. */
    public static String sign(PrivateKey key, ObjectNode frame) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signingInput(frame));
            return B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Whether {@code frame.signature} is a valid Ed25519 signature by {@code key} of the frame's signing input.
     * False (never an exception) for a missing or malformed signature or a frame JCS cannot represent.
     */
    public static boolean verify(PublicKey key, JsonNode frame) {
        if (frame == null || !frame.isObject() || !frame.path("signature").isTextual()) return false;
        try {
            byte[] sig = B64URL_DEC.decode(frame.get("signature").textValue());
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signingInput((ObjectNode) frame));
            return s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The 32 raw public-key bytes as base64url: the JWK {@code x}. */
    public static String x(PublicKey key) {
        byte[] enc = key.getEncoded();
        if (enc.length != 44 || !Arrays.equals(Arrays.copyOf(enc, 12), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return B64URL.encodeToString(Arrays.copyOfRange(enc, 12, 44));
    }

    /** The 32-byte private seed as base64url: the JWK {@code d}. */
    public static String d(PrivateKey key) {
        byte[] enc = key.getEncoded();
        if (enc.length != 48 || !Arrays.equals(Arrays.copyOf(enc, 16), PKCS8_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 v1 private key");
        }
        return B64URL.encodeToString(Arrays.copyOfRange(enc, 16, 48));
    }

    /** The public key from a JWK {@code x}. @throws IllegalArgumentException for a malformed value */
    public static PublicKey publicKey(String x) {
        byte[] raw = decode32(x, "x");
        byte[] der = Arrays.copyOf(X509_PREFIX, 44);
        System.arraycopy(raw, 0, der, 12, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key from a JWK {@code d}. @throws IllegalArgumentException for a malformed value */
    public static PrivateKey privateKey(String d) {
        byte[] raw = decode32(d, "d");
        byte[] der = Arrays.copyOf(PKCS8_PREFIX, 48);
        System.arraycopy(raw, 0, der, 16, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /**
     * The public key of an OKP JWK ({@code kty} OKP, {@code crv} Ed25519).
     *
     * @throws IllegalArgumentException for another key type or a malformed {@code x}
     */
    public static PublicKey publicKey(JsonNode jwk) {
        if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("expected a JWK with kty OKP and crv Ed25519");
        }
        return publicKey(jwk.path("x").asText());
    }

    /** RFC 7638 thumbprint of the OKP JWK with this {@code x}. */
    public static String kid(String x) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode32(String b64, String what) {
        byte[] raw;
        try {
            raw = B64URL_DEC.decode(b64 == null ? "" : b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
        if (raw.length != 32) throw new IllegalArgumentException(what + " must decode to 32 bytes");
        return raw;
    }
}
