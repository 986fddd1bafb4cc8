package io.hub.app.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.games.fair.SpinSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key files of the fairness module, without a Spring context. */
class FairnessKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSigningKeyIsCreatedOnceOwnerOnlyAndReloaded(@TempDir Path dir) throws Exception {
        FairnessProperties props = new FairnessProperties(dir.resolve("keys/spin.json").toString(), dir.resolve("seed").toString());
        SpinSigner first = new SpinSigner(props, JSON);
        Path file = Path.of(props.signingKeyFile());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SpinSigner again = new SpinSigner(props, JSON);
        assertThat(again.kid()).isEqualTo(first.kid());
        assertThat(again.publicJwk()).isEqualTo(first.publicJwk());
        assertThat(first.publicJwk().kid()).isEqualTo(SpinSignature.kid(first.publicJwk().x()));
        assertThat(JSON.writeValueAsString(first.publicJwk())).doesNotContain("\"d\"");
        ObjectNode frame = JSON.createObjectNode().put("type", "spinResult").put("kid", first.kid());
        frame.put("signature", first.sign(frame));
        assertThat(SpinSignature.verify(again.publicKey(), frame)).isTrue();
    }

    @Test
    void sealedSeedsOpenOnlyWithTheirKeyAndRow(@TempDir Path dir) {
        FairnessProperties props = new FairnessProperties(dir.resolve("spin.json").toString(), dir.resolve("seed-key").toString());
        SeedVault vault = new SeedVault(props);
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        byte[] sealed = vault.seal(seed, "fair_seed:a");
        assertThat(sealed).hasSize(12 + 32 + 16);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(new String(seed, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(new SeedVault(props).open(sealed, "fair_seed:a")).isEqualTo(seed); // same key file after a restart
        assertThatThrownBy(() -> vault.open(sealed, "fair_seed:b")).isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> vault.open(altered, "fair_seed:a")).isInstanceOf(IllegalStateException.class);
        SeedVault otherKey = new SeedVault(new FairnessProperties(dir.resolve("x.json").toString(), dir.resolve("other-key").toString()));
        assertThatThrownBy(() -> otherKey.open(sealed, "fair_seed:a")).isInstanceOf(IllegalStateException.class);
    }
}
