package io.hub.app.auth;

import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.web.ApiError;
import io.hub.contracts.RejectionCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/login} (seed §4.1) and the JWKS.
 */
@RestController
public class AuthController {
    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private final UserDirectory users;
    private final TokenService tokens;
    private final JwtKeys keys;
    private final RateLimits limits;
    private final CurrentUser current;

    public AuthController(UserDirectory users, TokenService tokens, JwtKeys keys, RateLimits limits, CurrentUser current) {
        this.current = current;
        this.users = users;
        this.tokens = tokens;
        this.keys = keys;
        this.limits = limits;
    }

    /** Login request: {@code {"username":"demo","password":"demo"}}. */
    public record LoginRequest(String username, String password) {
    }

    /**
     * Login answer.
     *
     * @param accessToken RS256 JWT for {@code Authorization: Bearer}
     * @param tokenType   always {@code Bearer}
     * @param expiresIn   seconds until the access token expires
     * @param wsToken     single-use token for {@code /ws/lobby?token=…}, valid for {@code hub.auth.ws-token-ttl}
     */
    public record LoginResponse(String accessToken, String tokenType, long expiresIn, String wsToken) {
    }

    /**
     * Checks the credentials. 200 with tokens; 401 {@code INVALID_CREDENTIALS} for an unknown user or a wrong
     * password alike (same answer, same BCrypt cost); 403 {@code PLAYER_BLOCKED}; 429 {@code RATE_LIMITED};
     * 400 {@code MISSING_FIELD}.
     */
    @PostMapping("/auth/login")
    public ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        if (body == null || body.username() == null || body.password() == null || body.username().isBlank()) {
            return ResponseEntity.badRequest().body(new ApiError(RejectionCode.MISSING_FIELD.name(), "username and password are required"));
        }
        if (!limits.tryLogin(request.getRemoteAddr(), body.username())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(new ApiError(RejectionCode.RATE_LIMITED.name(), "too many login attempts; retry later"));
        }
        // a name that cannot be a username (too long, control characters such as NUL) is simply unknown
        Optional<User> found = body.username().length() > 64 || body.username().chars().anyMatch(Character::isISOControl)
                ? Optional.empty() : users.byUsername(body.username());
        if (found.isEmpty()) {
            users.burnPasswordCheck(body.password());
        }
        if (found.isEmpty() || !users.matches(found.get(), body.password())) {
            log.info("login refused for address {}", request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new ApiError("INVALID_CREDENTIALS", "invalid username or password"));
        }
        User user = found.get();
        if (!user.active()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(RejectionCode.PLAYER_BLOCKED.name(), "account is blocked"));
        }
        return ResponseEntity.ok(new LoginResponse(tokens.accessToken(user), "Bearer", tokens.accessTokenTtlSeconds(),
                tokens.wsToken(user.id())));
    }

    /** A fresh single-use WebSocket token for the authenticated user (to reconnect without logging in again). */
    @PostMapping("/auth/ws-token")
    public Map<String, String> wsToken(@org.springframework.security.core.annotation.AuthenticationPrincipal org.springframework.security.oauth2.jwt.Jwt jwt) {
        return Map.of("wsToken", tokens.wsToken(current.of(jwt).id()));
    }

    /** The hub's public signing keys (RFC 7517 JWK Set). */
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    public Map<String, Object> jwks() {
        return keys.publicJwks();
    }
}
