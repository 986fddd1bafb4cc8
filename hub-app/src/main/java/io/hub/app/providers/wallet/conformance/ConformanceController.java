package io.hub.app.providers.wallet.conformance;

import io.hub.app.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /operator/conformance/{providerId}} (operator scope): runs the conformance kit against an onboarded
 * provider in-process (through the same callback route as HTTP callbacks) and answers the {@link ConformanceKit.Report}
 * (200 whether it passed or not; {@code passed} says). Body {@code {"providerPrivateKeyPem": "…"}} for Hub88-style
 * providers (the sandbox provider's private key), else {@code {}}. Creates throw-away players ({@code conf-…}) and
 * moves money between them and the ADJUSTMENT and PROVIDER_CLEARING accounts: sandbox only, off when
 * {@code hub.providers.conformance.enabled=false} (404; off in the {@code production} profile).
 * 404 {@code UNKNOWN_PROVIDER} / 400 {@code INVALID_MESSAGE} for an unknown provider or unusable credentials; 409
 * {@code NO_PLAYABLE_GAME} for a provider whose policy {@code gameCheck} is STRICT and whose catalogue lists no
 * playable game (the kit's bets name the provider's first playable game; sync the catalogue first).
 */
@RestController
public class ConformanceController {
    private final ConformanceKit kit;
    private final boolean enabled;

    public ConformanceController(ConformanceKit kit, @Value("${hub.providers.conformance.enabled:true}") boolean enabled) {
        this.kit = kit;
        this.enabled = enabled;
    }

    @PostMapping("/operator/conformance/{providerId}")
    public ResponseEntity<?> run(@PathVariable String providerId, @RequestBody(required = false) ConformanceKit.SandboxCredentials creds) {
        if (!enabled) return ResponseEntity.status(404).body(new ApiError("NOT_FOUND", "the conformance kit is disabled on this hub"));
        try {
            return ResponseEntity.ok(kit.runInProcess(providerId, creds));
        } catch (ConformanceKit.NoPlayableGameException e) {
            return ResponseEntity.status(409).body(new ApiError("NO_PLAYABLE_GAME", e.getMessage()));
        } catch (IllegalArgumentException e) {
            boolean unknown = e.getMessage() != null && e.getMessage().startsWith("no enabled provider");
            return ResponseEntity.status(unknown ? 404 : 400)
                    .body(new ApiError(unknown ? "UNKNOWN_PROVIDER" : "INVALID_MESSAGE", e.getMessage()));
        }
    }
}
