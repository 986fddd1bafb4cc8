package io.hub.app.fairness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals unrevealed server seeds so that reading the database (a dump, a replica, an operator's SQL) does not reveal
 * them before rotation: AES-256-GCM (NIST SP 800-38D) with a 96-bit random IV and a 128-bit tag; sealed form
 * {@code iv || ciphertext || tag} (60 bytes for a 32-byte seed). The associated data binds a sealed seed to its
 * row ({@code "fair_seed:" + id}), so a sealed value copied to another row does not open. The key lives in
 * {@code hub.fairness.seed-key-file} (32 bytes, base64), created on first start with owner-only permissions.
 */
@Component
public class SeedVault {
    private static final Logger log = LoggerFactory.getLogger(SeedVault.class);
    private static final int IV_BYTES = 12;
    private final SecretKeySpec key;
    private final SecureRandom ivs;

    public SeedVault(FairnessProperties props) {
        Path file = Path.of(props.seedKeyFile());
        try {
            ivs = SecureRandom.getInstance("DRBG");
            byte[] raw;
            if (Files.exists(file)) {
                raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (raw.length != 32) throw new IllegalStateException("the seed key in " + file + " is not 32 bytes");
            } else {
                raw = new byte[32];
                ivs.nextBytes(raw);
                KeyFiles.writeSecret(file, Base64.getEncoder().encodeToString(raw));
                log.info("generated a new server-seed sealing key in {}", file.toAbsolutePath());
            }
            key = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the seed key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no DRBG on this JDK", e);
        }
    }

    /** {@code iv || AES-256-GCM(seed)} with {@code aad}. */
    public byte[] seal(byte[] seed, String aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            ivs.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(seed);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + ct.length);
            System.arraycopy(ct, 0, out, IV_BYTES, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * Opens a sealed seed.
     *
     * @throws IllegalStateException when the value was not sealed by this key with this {@code aad} (wrong key file,
     *                               tampered row)
     */
    public byte[] open(byte[] sealed, String aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a sealed server seed does not open with this seed key (wrong key file or altered row)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }
}
