package io.hub.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's RS256 signing key (Nimbus JOSE): loaded from {@code hub.auth.signing-key-file} (a private RSA JWK),
 * or generated (2048-bit) and written there with owner-only permissions on first start, so tokens survive a
 * restart and all nodes sharing the file accept each other's tokens. The public part is served as the JWKS.
 */
@Component
public class JwtKeys {
    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private final RSAKey key;

    public JwtKeys(AuthProperties props) {
        this.key = loadOrCreate(Path.of(props.signingKeyFile()));
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("generated a new RS256 signing key {} in {}", generated.getKeyID(), file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("invalid signing key in " + file, e);
        }
    }

    public RSAKey privateKey() {
        return key;
    }

    /** The JWKS document (public keys only). */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }
}
