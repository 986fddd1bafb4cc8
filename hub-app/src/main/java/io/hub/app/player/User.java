package io.hub.app.player;

import java.util.UUID;

/**
 * A hub user.
 *
 * @param subject  the JWT {@code sub} this user authenticates as
 * @param role     PLAYER or OPERATOR
 * @param currency ISO 4217 wallet currency (players only, else null)
 * @param status   ACTIVE or BLOCKED
 */
public record User(UUID id, String username, String passwordHash, String subject, Role role, String currency, String status) {
    public enum Role { PLAYER, OPERATOR }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
