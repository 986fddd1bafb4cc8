package io.hub.app.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.games.fair.SpinSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's Ed25519 key for {@code spinResult} frames (JDK built-in Ed25519, RFC 8032): loaded from
 * {@code hub.fairness.signing-key-file} (a private OKP JWK, RFC 8037: {@code kty, crv, x, d}), or generated and
 * written there on first start (owner-only), so signatures stay checkable across restarts and all nodes sign with
 * one key. {@code kid} is the RFC 7638 thumbprint. The public JWK is served at {@code GET /fairness/signing-key}.
 */
@Component
public class SpinSigner {
    private static final Logger log = LoggerFactory.getLogger(SpinSigner.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String x;
    private final String kid;

    public SpinSigner(FairnessProperties props, ObjectMapper json) {
        Path file = Path.of(props.signingKeyFile());
        try {
            if (Files.exists(file)) {
                JsonNode jwk = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
                publicKey = SpinSignature.publicKey(jwk);
                privateKey = SpinSignature.privateKey(jwk.path("d").asText());
                x = jwk.path("x").asText();
            } else {
                KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                privateKey = kp.getPrivate();
                publicKey = kp.getPublic();
                x = SpinSignature.x(publicKey);
                Map<String, String> jwk = new LinkedHashMap<>();
                jwk.put("kty", "OKP");
                jwk.put("crv", "Ed25519");
                jwk.put("x", x);
                jwk.put("d", SpinSignature.d(privateKey));
                jwk.put("kid", SpinSignature.kid(x));
                KeyFiles.writeSecret(file, json.writeValueAsString(jwk));
                log.info("generated a new Ed25519 spin-signing key {} in {}", SpinSignature.kid(x), file.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the spin-signing key " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid spin-signing key in " + file + ": " + e.getMessage(), e);
        }
        kid = SpinSignature.kid(x);
    }

    /** base64url Ed25519 signature over the RFC 8785 form of {@code frame} without {@code signature}. */
    public String sign(ObjectNode frame) {
        return SpinSignature.sign(privateKey, frame);
    }

    public String kid() {
        return kid;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The public key as an RFC 8037 JWK.
     *
     * @param kty "OKP"
     * @param crv "Ed25519"
     * @param x   base64url (no padding) of the 32 raw public-key bytes
     * @param kid RFC 7638 thumbprint
     * @param alg "EdDSA"
     * @param use "sig"
     */
    public record PublicJwk(String kty, String crv, String x, String kid, String alg, String use) {
    }

    public PublicJwk publicJwk() {
        return new PublicJwk("OKP", "Ed25519", x, kid, "EdDSA", "sig");
    }
}
