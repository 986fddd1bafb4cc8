package io.hub.app.fairness;

import io.hub.app.auth.CurrentUser;
import io.hub.app.player.User;
import io.hub.app.web.ApiError;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's provably fair endpoints (docs/fairness.md) and the public spin-signing key. Errors are
 * {@code {"error","message"}}: 400 INVALID_CLIENT_SEED, 403 FORBIDDEN (not a player's token), 404 ROUND_NOT_FOUND
 * (unknown, malformed, or another player's round id).
 */
@RestController
public class FairnessController {
    private final FairnessService fairness;
    private final SpinSigner signer;
    private final CurrentUser current;

    public FairnessController(FairnessService fairness, SpinSigner signer, CurrentUser current) {
        this.fairness = fairness;
        this.signer = signer;
        this.current = current;
    }

    /** {@code GET /fairness} → {@code {"serverSeedHash","clientSeed","nonce"}}; the seed is created on first use. */
    @GetMapping("/fairness")
    public ResponseEntity<?> current(@AuthenticationPrincipal Jwt jwt) {
        Optional<User> player = player(jwt);
        if (player.isEmpty()) return forbidden();
        return ResponseEntity.ok(fairness.current(player.get().id()));
    }

    /** {@code PUT /fairness/client-seed} {@code {"clientSeed"}} → {@code {"serverSeedHash","clientSeed","nonce"}}. */
    @PutMapping("/fairness/client-seed")
    public ResponseEntity<?> clientSeed(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) Map<String, Object> body) {
        Optional<User> player = player(jwt);
        if (player.isEmpty()) return forbidden();
        Object cs = body == null ? null : body.get("clientSeed");
        if (!(cs instanceof String s)) {
            return ResponseEntity.badRequest().body(new ApiError("INVALID_CLIENT_SEED", "clientSeed must be a JSON string"));
        }
        try {
            return ResponseEntity.ok(fairness.setClientSeed(player.get().id(), s));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new ApiError("INVALID_CLIENT_SEED", e.getMessage()));
        }
    }

    /**
     * {@code POST /fairness/rotate} → {@code {"revealed":{"serverSeed","serverSeedHash","clientSeed","lastNonce"},
     * "current":{"serverSeedHash","clientSeed","nonce"}}}.
     */
    @PostMapping("/fairness/rotate")
    public ResponseEntity<?> rotate(@AuthenticationPrincipal Jwt jwt) {
        Optional<User> player = player(jwt);
        if (player.isEmpty()) return forbidden();
        return ResponseEntity.ok(fairness.rotate(player.get().id()));
    }

    /** {@code GET /fairness/rounds/{roundId}}: one of the player's rounds ({@link FairnessService.RoundView}). */
    @GetMapping("/fairness/rounds/{roundId}")
    public ResponseEntity<?> round(@AuthenticationPrincipal Jwt jwt, @PathVariable String roundId) {
        Optional<User> player = player(jwt);
        if (player.isEmpty()) return forbidden();
        Optional<UUID> id = uuid(roundId);
        Optional<FairnessService.RoundView> view = id.flatMap(r -> fairness.round(player.get().id(), r));
        if (view.isEmpty()) return notFound();
        return ResponseEntity.ok(view.get());
    }

    /** {@code GET /fairness/signing-key} (public): the Ed25519 public key as an RFC 8037 JWK. */
    @GetMapping("/fairness/signing-key")
    public SpinSigner.PublicJwk signingKey() {
        return signer.publicJwk();
    }

    /** {@code GET /operator/rounds/{roundId}/replay} (operator): the audit replay ({@link FairnessService.ReplayView}). */
    @GetMapping("/operator/rounds/{roundId}/replay")
    public ResponseEntity<?> replay(@PathVariable String roundId) {
        Optional<FairnessService.ReplayView> view = uuid(roundId).flatMap(fairness::replay);
        if (view.isEmpty()) return notFound();
        return ResponseEntity.ok(view.get());
    }

    private Optional<User> player(Jwt jwt) {
        User u = current.of(jwt);
        return u.role() == User.Role.PLAYER ? Optional.of(u) : Optional.empty();
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<ApiError> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", "a player's token is required"));
    }

    private static ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("ROUND_NOT_FOUND", "no such round"));
    }
}
