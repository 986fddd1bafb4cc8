package io.hub.app.auth;

import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.web.JsonErrors;
import io.hub.contracts.RejectionCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A valid token is not enough: the hub user it names must still be active. A player or operator blocked after
 * their token was issued is refused on every request with 403 {@code PLAYER_BLOCKED}, without waiting for the
 * token to expire. Tokens of an external IdP whose subject is not a hub user pass on (the endpoints that need a hub
 * user answer UNKNOWN_PLAYER themselves).
 */
class ActiveUserFilter extends OncePerRequestFilter {
    private final UserDirectory users;

    ActiveUserFilter(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Optional<User> user = users.bySubject(jwt.getToken().getSubject());
            if (user.isPresent() && !user.get().active()) {
                JsonErrors.write(res, 403, RejectionCode.PLAYER_BLOCKED.name(), "account is blocked");
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
