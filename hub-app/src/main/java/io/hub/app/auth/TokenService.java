package io.hub.app.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.hub.app.player.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues the hub's tokens: RS256 access tokens and single-use WebSocket tokens (32 random bytes, base64url;
 * only their SHA-256 is stored, in {@code ws_token}, so any node can consume a token another node issued).
 */
@Component
public class TokenService {
    private final NimbusJwtEncoder encoder;
    private final JwtKeys keys;
    private final AuthProperties props;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public TokenService(JwtKeys keys, AuthProperties props, JdbcTemplate jdbc) {
        this.keys = keys;
        this.props = props;
        this.jdbc = jdbc;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.privateKey())));
    }

    /**
     * An access token for the user: {@code sub} = the user's subject, {@code scope} = {@code player} or
     * {@code operator}, {@code roles} = [PLAYER] or [OPERATOR], {@code preferred_username}.
     */
    public String accessToken(User user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(props.issuer()).subject(user.subject()).issuedAt(now)
                .expiresAt(now.plus(props.accessTokenTtl())).id(UUID.randomUUID().toString())
                .claim("scope", user.role() == User.Role.OPERATOR ? "operator" : "player")
                .claim("roles", List.of(user.role().name()))
                .claim("preferred_username", user.username())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.privateKey().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public long accessTokenTtlSeconds() {
        return props.accessTokenTtl().toSeconds();
    }

    /** A new single-use WebSocket token for the user, valid for {@code hub.auth.ws-token-ttl}. */
    public String wsToken(UUID userId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.update("INSERT INTO ws_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                sha256(token), userId, Timestamp.from(Instant.now().plus(props.wsTokenTtl())));
        return token;
    }

    /** Consumes a WebSocket token atomically: the user id if it was valid, unused and unexpired; else empty. */
    public Optional<UUID> consumeWsToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        List<UUID> ids = jdbc.query("UPDATE ws_token SET used_at = now() WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > now() RETURNING user_id", (rs, i) -> rs.getObject(1, UUID.class), sha256(token));
        return ids.stream().findFirst();
    }

    /** Deletes expired tokens (run periodically). */
    public int purgeExpiredWsTokens() {
        return jdbc.update("DELETE FROM ws_token WHERE expires_at < now() - interval '1 hour'");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
