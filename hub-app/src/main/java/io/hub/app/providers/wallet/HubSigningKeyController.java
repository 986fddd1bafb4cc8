package io.hub.app.providers.wallet;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /providers/hub88/signing-key} (public, no token): the RSA public key that verifies the hub's
 * {@code X-Hub88-Signature} on its answers to Hub88-style providers (each direction has its own key pair, providers.md
 * §4 shape A [H4][C1]), as X.509 SubjectPublicKeyInfo PEM. A studio onboarding with the hub fetches it here instead
 * of asking an operator to copy it out of {@code hub.providers.hub88.signing-key-file}. Only the public half is served.
 */
@RestController
public class HubSigningKeyController {
    /** {@code application/x-pem-file}: the usual type of a PEM download. */
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    private final HubSigningKey key;

    public HubSigningKeyController(HubSigningKey key) {
        this.key = key;
    }

    @GetMapping("/providers/hub88/signing-key")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(PEM).cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(key.publicKeyPem());
    }
}
