package io.hub.games.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpinSignatureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** RFC 8032 §7.1 TEST 1: secret key, public key and the signature of the empty message. */
    @Test
    void rfc8032TestVectorThroughOurKeyCodec() throws Exception {
        String sk = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String pk = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        B64 b = new B64();
        PrivateKey priv = SpinSignature.privateKey(b.enc(sk));
        PublicKey pub = SpinSignature.publicKey(b.enc(pk));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(priv);
        assertThat(HexFormat.of().formatHex(s.sign())).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(SpinSignature.x(pub)).isEqualTo(b.enc(pk));
        assertThat(SpinSignature.d(priv)).isEqualTo(b.enc(sk));
    }

    private static final class B64 {
        String enc(String hex) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
        }
    }

    @Test
    void signVerifyAndTamper() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ObjectNode frame = (ObjectNode) JSON.readTree("{\"type\":\"spinResult\",\"payout\":\"0.40\",\"balanceVersion\":3,"
                + "\"fairness\":{\"serverSeedHash\":\"ab\",\"clientSeed\":\"c\",\"nonce\":0},\"kid\":\"k1\"}");
        String sig = SpinSignature.sign(kp.getPrivate(), frame);
        assertThat(sig).doesNotContain("=").hasSize(86); // 64 bytes, base64url without padding
        frame.put("signature", sig);
        assertThat(SpinSignature.verify(kp.getPublic(), frame)).isTrue();
        // member order and whitespace do not matter: the canonical form is signed
        ObjectNode reordered = (ObjectNode) JSON.readTree("{ \"kid\":\"k1\", \"signature\":\"" + sig + "\", \"fairness\":{\"nonce\":0,"
                + "\"clientSeed\":\"c\",\"serverSeedHash\":\"ab\"},\"balanceVersion\":3,\"payout\":\"0.40\",\"type\":\"spinResult\"}");
        assertThat(SpinSignature.verify(kp.getPublic(), reordered)).isTrue();
        // any change to a signed member breaks it, kid included
        ObjectNode tampered = frame.deepCopy();
        tampered.put("payout", "4.00");
        assertThat(SpinSignature.verify(kp.getPublic(), tampered)).isFalse();
        ObjectNode otherKid = frame.deepCopy();
        otherKid.put("kid", "k2");
        assertThat(SpinSignature.verify(kp.getPublic(), otherKid)).isFalse();
        ObjectNode garbage = frame.deepCopy();
        garbage.put("signature", "not base64!");
        assertThat(SpinSignature.verify(kp.getPublic(), garbage)).isFalse();
        assertThat(new String(SpinSignature.signingInput(frame), StandardCharsets.UTF_8)).isEqualTo(
                "{\"balanceVersion\":3,\"fairness\":{\"clientSeed\":\"c\",\"nonce\":0,\"serverSeedHash\":\"ab\"},\"kid\":\"k1\","
                        + "\"payout\":\"0.40\",\"type\":\"spinResult\"}");
    }

    @Test
    void jwkThumbprintAndParsing() throws Exception {
        // RFC 8037 Appendix A.3: the thumbprint of the RFC 8032 test key
        String x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
        assertThat(SpinSignature.kid(x)).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        PublicKey k = SpinSignature.publicKey(JSON.readTree("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}"));
        assertThat(SpinSignature.x(k)).isEqualTo(x);
        assertThatThrownBy(() -> SpinSignature.publicKey(JSON.readTree("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpinSignature.publicKey("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
