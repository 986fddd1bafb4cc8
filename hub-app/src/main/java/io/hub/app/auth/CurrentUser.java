package io.hub.app.auth;

import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Resolves the authenticated JWT's {@code sub} to a hub user. */
@Component
public class CurrentUser {
    private final UserDirectory users;

    public CurrentUser(UserDirectory users) {
        this.users = users;
    }

    /** @throws RejectedException UNKNOWN_PLAYER when no hub user has this subject */
    public User of(Jwt jwt) {
        return users.bySubject(jwt.getSubject())
                .orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_PLAYER, "no hub user for this token's subject"));
    }

    /**
     * Who acted, for the audit trail: the token's {@code preferred_username} (the hub's own tokens and OIDC IdPs set
     * it), else its subject.
     */
    public static String actorName(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return name != null ? name : jwt.getSubject();
    }
}
