package io.hub.providers.hub88;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Hub88 request/response signatures: {@code Base64(SHA256withRSA(raw body bytes))} in {@code X-Hub88-Signature}
 * (providers.md §4 shape A, §1 row 8; [H4][H15]). Always over the exact bytes on the wire, never a re-serialised body.
 * Verification uses the sender's public key; signing uses our own private key.
 */
public final class Hub88Signature {
    private static final String ALGORITHM = "SHA256withRSA";
    private final PublicKey verifyKey;
    private final PrivateKey signKey;

    public Hub88Signature(PublicKey verifyKey, PrivateKey signKey) {
        this.verifyKey = Objects.requireNonNull(verifyKey);
        this.signKey = Objects.requireNonNull(signKey);
    }

    /** True only when {@code base64Signature} is valid Base64 and verifies over {@code rawBody}; never throws. */
    public boolean verify(byte[] rawBody, String base64Signature) {
        if (rawBody == null || base64Signature == null || base64Signature.isBlank()) return false;
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(base64Signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(verifyKey);
            s.update(rawBody);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Base64 signature of {@code rawBody} with the hub's private key. */
    public String sign(byte[] rawBody) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(signKey);
            s.update(rawBody);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the configured key", e);
        }
    }

    /** An RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBytes(pem)));
    }

    /** An RSA private key from PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static PrivateKey privateKeyFromPem(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBytes(pem)));
    }

    private static byte[] pemBytes(String pem) throws GeneralSecurityException {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a PEM key");
        }
    }
}
