package io.hub.app.providers.wallet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hub's own RSA key pair that signs its answers to Hub88-style providers ({@code X-Hub88-Signature} on the
 * response body; each direction has its own key pair, providers.md §4 shape A [H4][C1]). Read from
 * {@code hub.providers.hub88.signing-key-file} (PKCS#8 PEM); created there (RSA 2048) on first start when missing.
 * The public half ({@link #publicKeyPem()}) is what the provider verifies the answers with: served to it at
 * {@code GET /providers/hub88/signing-key} ({@link HubSigningKeyController}).
 */
@Component
public class HubSigningKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public HubSigningKey(@Value("${hub.providers.hub88.signing-key-file:${hub.embedded.data-dir:./data}/hub88-signing-key.pem}") Path file) {
        try {
            RSAPrivateCrtKey key;
            if (Files.exists(file)) {
                key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(file))));
            } else {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                key = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
                if (file.getParent() != null) Files.createDirectories(file.getParent());
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
            }
            this.privateKey = key;
            this.publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the Hub88 signing key " + file, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the Hub88 signing key " + file + " is not an RSA PKCS#8 key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as X.509 SubjectPublicKeyInfo PEM. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** The DER bytes of a PEM block (any header), or of bare Base64. */
    static byte[] pem(String text) {
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    /** An RSA public key from X.509 SubjectPublicKeyInfo PEM. */
    static PublicKey publicKeyOf(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(pem)));
    }
}
