package io.hub.app.providers.launch;

import io.hub.app.auth.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /games/{gameId}/launch} (player JWT), body {@code {"mode":"real"|"demo"}} → 200
 * {@code {"url","sessionToken","mode"}}. {@code gameId} is an external game's lobby id {@code <providerId>:<gameCode>}.
 * Errors ({@code {"error","message"}}): 400 MISSING_FIELD / INVALID_MESSAGE (mode), 400 DEMO_NOT_SUPPORTED,
 * 400 NOT_EXTERNAL (an in-house game), 400 CURRENCY_MISMATCH, 404 UNKNOWN_GAME (unknown or disabled), 503
 * PROVIDER_UNAVAILABLE (provider disabled, circuit breaker open, too many calls in flight), 504 PROVIDER_TIMEOUT, 502
 * PROVIDER_ERROR (5xx, unreachable, refused, unreadable answer).
 */
@RestController
public class GameLaunchController {
    private final GameLaunchService launches;
    private final CurrentUser current;

    public GameLaunchController(GameLaunchService launches, CurrentUser current) {
        this.launches = launches;
        this.current = current;
    }

    /** The launch request body. */
    public record LaunchRequest(String mode) {
    }

    @PostMapping(path = "/games/{gameId}/launch", produces = MediaType.APPLICATION_JSON_VALUE)
    public GameLaunchService.Launched launch(@AuthenticationPrincipal Jwt jwt, @PathVariable String gameId,
                                             @RequestBody(required = false) LaunchRequest body, HttpServletRequest request) {
        return launches.launch(current.of(jwt), gameId, body == null ? null : body.mode(), request.getRemoteAddr());
    }
}
