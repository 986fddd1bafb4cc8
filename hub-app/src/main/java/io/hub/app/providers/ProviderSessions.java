package io.hub.app.providers;

import io.hub.app.ledger.Uuids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, resolves and rotates provider session tokens: 256-bit random, base64url, bound to one player, provider,
 * game and currency, valid for {@code hub.providers.session-ttl} (default 4 h). Only SHA-256(token) is stored.
 */
@Component
public class ProviderSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Duration ttl;

    public ProviderSessions(JdbcTemplate jdbc, @Value("${hub.providers.session-ttl:4h}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    /** A new token and its session. */
    public record Issued(String token, ProviderSession session) { }

    /** Issues a new session token. */
    public Issued issue(String providerId, UUID playerId, String gameId, String currency, ProviderSession.Mode mode) {
        String token = newToken();
        UUID id = Uuids.v7();
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        jdbc.update("INSERT INTO provider_session (id, token_hash, provider_id, player_id, game_id, currency, mode, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, hash(token), providerId, playerId, gameId, currency, mode.name(), Timestamp.from(now), Timestamp.from(expires));
        return new Issued(token, new ProviderSession(id, providerId, playerId, gameId, currency, mode, now, expires, false));
    }

    /**
     * The session of a token presented by {@code providerId}; empty for an unknown token or one issued for another
     * provider. Expired and superseded sessions are returned (see {@link ProviderSession#current}) so the caller's
     * policy decides (providers.md §1 row 11).
     */
    public Optional<ProviderSession> resolve(String providerId, String token) {
        if (token == null || token.isEmpty() || token.length() > 512) return Optional.empty();
        return jdbc.query("SELECT * FROM provider_session WHERE token_hash = ? AND provider_id = ?", (rs, i) ->
                new ProviderSession(rs.getObject("id", UUID.class), rs.getString("provider_id"),
                        rs.getObject("player_id", UUID.class), rs.getString("game_id"), rs.getString("currency"),
                        ProviderSession.Mode.valueOf(rs.getString("mode")), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), rs.getObject("superseded_by") != null),
                hash(token), providerId).stream().findFirst();
    }

    /**
     * Replaces a current session's token with a new one (Evolution {@code check} returns a new {@code sid}); the old
     * token resolves as superseded afterwards.
     *
     * @throws SessionNotCurrentException when the session was already rotated or has expired (nothing is written)
     */
    @Transactional
    public Issued rotate(ProviderSession old) {
        String token = newToken();
        UUID id = Uuids.v7();
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        jdbc.update("INSERT INTO provider_session (id, token_hash, provider_id, player_id, game_id, currency, mode, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, hash(token), old.providerId(), old.playerId(), old.gameId(), old.currency(), old.mode().name(),
                Timestamp.from(now), Timestamp.from(expires));
        int n = jdbc.update("UPDATE provider_session SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL AND expires_at > ?",
                id, old.id(), Timestamp.from(now));
        if (n == 0) throw new SessionNotCurrentException();
        return new Issued(token, new ProviderSession(id, old.providerId(), old.playerId(), old.gameId(),
                old.currency(), old.mode(), now, expires, false));
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * What {@code provider_session.token_hash} holds for a token a provider presents (SHA-256 of its UTF-8 bytes), or
     * null for no token, an empty one or one longer than any the hub issues (such a token names no session).
     */
    public static byte[] tokenHash(String token) {
        return token == null || token.isEmpty() || token.length() > 512 ? null : hash(token);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rotation of a session that was already rotated or has expired (the insert is rolled back). */
    public static class SessionNotCurrentException extends RuntimeException {
        public SessionNotCurrentException() {
            super("the session is no longer current");
        }
    }
}
