package io.hub.app.providers.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table {@code provider_game}: the synced catalogues. A sync upserts the games it read and delists the ones the
 * provider no longer returns ({@code delisted_at}); nothing here deletes a game.
 */
@Component
public class ProviderGames {
    private static final TypeReference<Map<String, ProviderGame.Limits>> LIMITS = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProviderGames(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ProviderGame> find(String providerId, String gameId) {
        return jdbc.query("SELECT * FROM provider_game WHERE provider_id = ? AND game_id = ?", (rs, i) -> map(rs), providerId, gameId)
                .stream().findFirst();
    }

    /** The provider's games (enabled or not), by game id. */
    public List<ProviderGame> list(String providerId) {
        return jdbc.query("SELECT * FROM provider_game WHERE provider_id = ? ORDER BY game_id", (rs, i) -> map(rs), providerId);
    }

    /** Every playable game (enabled by the operator, not delisted), by provider and game id. */
    public List<ProviderGame> allPlayable() {
        return jdbc.query("SELECT * FROM provider_game WHERE enabled AND delisted_at IS NULL ORDER BY provider_id, game_id", (rs, i) -> map(rs));
    }

    /** How many of the provider's games are listed now (not delisted), enabled or not. */
    public int listedCount(String providerId) {
        Integer n = jdbc.queryForObject("SELECT count(*)::int FROM provider_game WHERE provider_id = ? AND delisted_at IS NULL",
                Integer.class, providerId);
        return n == null ? 0 : n;
    }

    /**
     * Marks delisted, as of {@code at}, every listed game of the provider whose code is not in {@code stillListed}
     * (the codes the sync's answer held, readable or not).
     *
     * @return how many games were delisted
     */
    public int delistMissing(String providerId, Set<String> stillListed, Instant at) {
        return jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("UPDATE provider_game SET delisted_at = ? WHERE provider_id = ?"
                    + " AND delisted_at IS NULL AND NOT (game_id = ANY (?))");
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, providerId);
            ps.setArray(3, con.createArrayOf("text", stillListed.toArray()));
            return ps;
        });
    }

    /** How many of these codes are delisted games of the provider (those an upsert of them relists). */
    public int delistedAmong(String providerId, Set<String> codes) {
        if (codes.isEmpty()) return 0;
        Integer n = jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT count(*)::int FROM provider_game WHERE provider_id = ?"
                    + " AND delisted_at IS NOT NULL AND game_id = ANY (?)");
            ps.setString(1, providerId);
            ps.setArray(2, con.createArrayOf("text", codes.toArray()));
            return ps;
        }, rs -> rs.next() ? rs.getInt(1) : 0);
        return n == null ? 0 : n;
    }

    /** @return false when the game does not exist */
    public boolean setEnabled(String providerId, String gameId, boolean enabled) {
        return jdbc.update("UPDATE provider_game SET enabled = ? WHERE provider_id = ? AND game_id = ?", enabled, providerId, gameId) == 1;
    }

    /**
     * Inserts or refreshes the games' metadata (name, category, RTP, volatility, demo, limits, raw metadata) and
     * relists a delisted one ({@code delisted_at} cleared); an operator's {@code enabled} choice is kept. Games absent
     * from the list are left as they are (see {@link #delistMissing}).
     */
    public void upsert(String providerId, List<CatalogueProtocol.ParsedGame> games, Instant syncedAt) {
        jdbc.batchUpdate("INSERT INTO provider_game (provider_id, game_id, name, category, rtp, volatility, demo, limits, metadata, synced_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)"
                        + " ON CONFLICT (provider_id, game_id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,"
                        + " rtp = EXCLUDED.rtp, volatility = EXCLUDED.volatility, demo = EXCLUDED.demo, limits = EXCLUDED.limits,"
                        + " metadata = EXCLUDED.metadata, synced_at = EXCLUDED.synced_at, delisted_at = NULL",
                games, 200, (ps, g) -> {
                    ps.setString(1, providerId);
                    ps.setString(2, g.gameId());
                    ps.setString(3, g.name());
                    ps.setString(4, g.category());
                    ps.setBigDecimal(5, g.rtp());
                    ps.setString(6, g.volatility());
                    ps.setBoolean(7, g.demo());
                    ps.setString(8, write(g.limits()));
                    ps.setString(9, write(g.metadata()));
                    ps.setTimestamp(10, Timestamp.from(syncedAt));
                });
    }

    private ProviderGame map(ResultSet rs) throws SQLException {
        try {
            return new ProviderGame(rs.getString("provider_id"), rs.getString("game_id"), rs.getString("name"),
                    rs.getString("category"), rs.getBigDecimal("rtp"), rs.getString("volatility"), rs.getBoolean("demo"),
                    json.readValue(rs.getString("limits"), LIMITS), rs.getBoolean("enabled"), rs.getTimestamp("synced_at").toInstant(),
                    rs.getTimestamp("delisted_at") == null ? null : rs.getTimestamp("delisted_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provider_game " + rs.getString("provider_id") + "/" + rs.getString("game_id") + " has unreadable limits", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
