package io.hub.app.lobby;

import io.hub.app.auth.TokenService;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Opens the lobby only for {@code ?token=<wsToken>} from a login: the token is consumed atomically (single use,
 * {@code hub.auth.ws-token-ttl}). A missing, unknown, expired or reused token gets HTTP 401 with
 * {@code {"error":"WS_TOKEN_INVALID"}}; a token of a non-player (operator) or blocked player gets 403.
 */
@Component
public class LobbyHandshake implements HandshakeInterceptor {
    private final TokenService tokens;
    private final UserDirectory users;

    public LobbyHandshake(TokenService tokens, UserDirectory users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        Optional<UUID> userId = tokens.consumeWsToken(token);
        if (userId.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "WS_TOKEN_INVALID", "missing, unknown, expired or already used wsToken");
            return false;
        }
        User user = users.byId(userId.get()).orElse(null);
        if (user == null || user.role() != User.Role.PLAYER || !"ACTIVE".equals(users.status(user.id()))) {
            refuse(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "the lobby is for active players");
            return false;
        }
        attributes.put(LobbyWebSocketHandler.PLAYER, user.id());
        return true;
    }

    private static void refuse(ServerHttpResponse response, HttpStatus status, String code, String message) throws java.io.IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
    }
}
