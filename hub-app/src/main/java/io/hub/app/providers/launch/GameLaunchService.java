package io.hub.app.providers.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.games.GameCatalogue;
import io.hub.app.player.User;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.ProviderSessions;
import io.hub.app.providers.catalogue.ProviderGame;
import io.hub.app.providers.catalogue.ProviderGames;
import io.hub.app.providers.outbound.ProviderApiException;
import io.hub.app.providers.outbound.ProviderCallException;
import io.hub.app.providers.outbound.ProviderCalls;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.providers.OutboundReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Launches an external game for a player: checks the game and the provider, issues a provider session token bound
 * to player, provider, game and currency ({@link ProviderSessions#issue}), asks the provider's launch API for the
 * game URL through {@link ProviderCalls} (sent once, never retried: a launch POST is not idempotent) and returns
 * {@code {"url","sessionToken","mode"}}.
 */
@Service
public class GameLaunchService {
    private static final Logger log = LoggerFactory.getLogger(GameLaunchService.class);
    private final ProviderRegistry registry;
    private final ProviderGames games;
    private final ProviderSessions sessions;
    private final ProviderCalls calls;
    private final GameCatalogue inHouse;
    private final LaunchProtocol protocol;
    private final String lobbyUrl;
    private final org.springframework.core.env.Environment env;

    /**
     * @param lobbyUrl {@code hub.providers.lobby-url}: the URL studios send the player back to ({@code lobby_url},
     *                 {@code lobbyUrl}, {@code urls.lobby} in launch bodies). Empty (the default): this hub's own lobby
     *                 at {@code http://localhost:<the port the server listens on>/}, read when a game is launched, so a
     *                 hub started on another port (or {@code server.port=0}) sends its real address
     */
    public GameLaunchService(ProviderRegistry registry, ProviderGames games, ProviderSessions sessions, ProviderCalls calls,
                             GameCatalogue inHouse, ObjectMapper json, @Value("${hub.providers.lobby-url:}") String lobbyUrl,
                             org.springframework.core.env.Environment env) {
        this.registry = registry;
        this.games = games;
        this.sessions = sessions;
        this.calls = calls;
        this.inHouse = inHouse;
        this.protocol = new LaunchProtocol(json);
        this.lobbyUrl = lobbyUrl == null ? "" : lobbyUrl.trim();
        this.env = env;
    }

    /** The configured lobby URL, or this hub's own on the port the running server listens on. */
    String lobbyUrl() {
        if (!lobbyUrl.isEmpty()) return lobbyUrl;
        // local.server.port: the port actually bound (also for server.port=0), published once the web server started
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return "http://localhost:" + port + "/";
    }

    /** The answer of {@code POST /games/{gameId}/launch}. {@code mode} is {@code real} or {@code demo}. */
    public record Launched(String url, String sessionToken, String mode) {
    }

    /**
     * @param lobbyGameId {@code <providerId>:<gameCode>} as listed by {@code GET /games/list}
     * @param modeText    {@code real} or {@code demo}
     * @throws RejectedException     MISSING_FIELD / INVALID_MESSAGE (mode), UNKNOWN_GAME (unknown or disabled game),
     *                               CURRENCY_MISMATCH (the provider does not play the wallet's currency)
     * @throws ProviderApiException  400 DEMO_NOT_SUPPORTED, 400 NOT_EXTERNAL (an in-house game: play it in the lobby),
     *                               404 GAME_DELISTED (the provider's last sync no longer listed the game; the message
     *                               says since when)
     * @throws ProviderCallException 503 PROVIDER_UNAVAILABLE (disabled provider, open breaker, bulkhead full),
     *                               504 PROVIDER_TIMEOUT, 502 PROVIDER_ERROR
     */
    public Launched launch(User player, String lobbyGameId, String modeText, String clientIp) {
        if (player.role() != User.Role.PLAYER || player.currency() == null) {
            throw new ProviderApiException(403, "FORBIDDEN", "only players launch games");
        }
        if (modeText == null || modeText.isBlank()) throw new RejectedException(RejectionCode.MISSING_FIELD, "mode is required: \"real\" or \"demo\"");
        ProviderSession.Mode mode;
        if (modeText.equals("real")) mode = ProviderSession.Mode.REAL;
        else if (modeText.equals("demo")) mode = ProviderSession.Mode.DEMO;
        else throw new RejectedException(RejectionCode.INVALID_MESSAGE, "mode must be \"real\" or \"demo\"");
        int colon = lobbyGameId.indexOf(':');
        if (colon < 0) {
            if (inHouse.inHouseGame(lobbyGameId).isPresent()) {
                throw new ProviderApiException(400, "NOT_EXTERNAL", "in-house games are played in the lobby WebSocket (action spin)");
            }
            throw new RejectedException(RejectionCode.UNKNOWN_GAME, "no game '" + lobbyGameId + "'");
        }
        String providerId = lobbyGameId.substring(0, colon);
        String code = lobbyGameId.substring(colon + 1);
        ProviderConfig p = registry.find(providerId)
                .orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_GAME, "no game '" + lobbyGameId + "'"));
        ProviderGame game = games.find(providerId, code).filter(ProviderGame::enabled)
                .orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_GAME, "no game '" + lobbyGameId + "'"));
        if (game.delistedAt() != null) {
            throw new ProviderApiException(404, "GAME_DELISTED", "game '" + lobbyGameId + "' was withdrawn by provider '" + providerId
                    + "' (no longer in its catalogue since " + game.delistedAt() + ") and cannot be launched");
        }
        if (!p.enabled()) {
            throw new ProviderCallException(p.id(), ProviderCallException.Kind.UNAVAILABLE, false, "provider '" + p.id() + "' is disabled");
        }
        if (p.launchBaseUrl() == null) {
            throw new ProviderCallException(p.id(), ProviderCallException.Kind.UNAVAILABLE, false, "provider '" + p.id() + "' has no launch URL");
        }
        if (mode == ProviderSession.Mode.DEMO && !game.demo()) {
            throw new ProviderApiException(400, "DEMO_NOT_SUPPORTED", "game '" + lobbyGameId + "' has no demo mode");
        }
        if (!p.currencies().contains(player.currency())) {
            throw new RejectedException(RejectionCode.CURRENCY_MISMATCH, "provider '" + p.id() + "' does not play in " + player.currency());
        }
        if (calls.breakerOpen(p.id())) {
            // fail fast before issuing a session nobody will use (ProviderCalls would refuse the call too)
            throw new ProviderCallException(p.id(), ProviderCallException.Kind.UNAVAILABLE, false,
                    "provider '" + p.id() + "' is unavailable (circuit breaker open); try again later");
        }
        ProviderSessions.Issued session = sessions.issue(p.id(), player.id(), code, player.currency(), mode);
        OutboundReply reply = calls.call(p, protocol.request(p, new LaunchProtocol.LaunchInput(player.id(), code,
                player.currency(), mode, session.token(), clientIp == null ? "0.0.0.0" : clientIp, lobbyUrl())));
        String url = protocol.gameUrl(p, reply);
        log.info("launched {} for player {} ({}, session {})", lobbyGameId, player.id(), modeText, session.session().id());
        return new Launched(url, session.token(), modeText);
    }
}
