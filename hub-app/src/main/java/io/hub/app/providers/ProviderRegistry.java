package io.hub.app.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.providers.ProviderPolicy;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The onboarded providers (table {@code provider}). Lookups on the callback path are served from a per-node cache
 * that lives at most {@code hub.providers.cache-ttl} (default 5 s), so an update made on another node is seen
 * within that time; updates made through this class invalidate the local entry at once.
 */
@Component
public class ProviderRegistry {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<ProviderConfig> config, long loadedAt) { }

    public ProviderRegistry(JdbcTemplate jdbc, ObjectMapper json,
                            @Value("${hub.providers.cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.json = json;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * Stores a new provider.
     *
     * @throws ProviderExistsException if the id is taken
     */
    public ProviderConfig register(ProviderConfig p) {
        try {
            jdbc.update("INSERT INTO provider (id, protocol, display_name, enabled, launch_base_url, catalogue_base_url,"
                            + " currencies, policy, credentials, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)",
                    ps -> {
                        ps.setString(1, p.id());
                        ps.setString(2, p.protocol().name());
                        ps.setString(3, p.displayName());
                        ps.setBoolean(4, p.enabled());
                        ps.setString(5, p.launchBaseUrl());
                        ps.setString(6, p.catalogueBaseUrl());
                        ps.setArray(7, ps.getConnection().createArrayOf("text", p.currencies().toArray()));
                        ps.setString(8, write(p.policy()));
                        ps.setString(9, write(p.credentials()));
                        ps.setString(10, write(p.settings()));
                    });
        } catch (DuplicateKeyException e) {
            throw new ProviderExistsException(p.id());
        }
        cache.remove(p.id());
        return find(p.id()).orElseThrow();
    }

    /** The provider with this id, from the cache if fresh. */
    public Optional<ProviderConfig> find(String id) {
        if (id == null || !ProviderConfig.ID.matcher(id).matches()) return Optional.empty();
        long now = System.nanoTime();
        Cached c = cache.get(id);
        if (c != null && now - c.loadedAt() < ttlNanos) return c.config();
        Optional<ProviderConfig> loaded = jdbc.query("SELECT * FROM provider WHERE id = ?", (rs, i) -> map(rs), id)
                .stream().findFirst();
        cache.put(id, new Cached(loaded, now));
        return loaded;
    }

    /** Every provider, by id, read from the database. */
    public List<ProviderConfig> list() {
        return jdbc.query("SELECT * FROM provider ORDER BY id", (rs, i) -> map(rs));
    }

    /** Drops the cached entry (after an update through another class). */
    public void invalidate(String id) {
        cache.remove(id);
    }

    private ProviderConfig map(ResultSet rs) throws SQLException {
        Array cur = rs.getArray("currencies");
        try {
            return new ProviderConfig(rs.getString("id"), ProviderProtocol.valueOf(rs.getString("protocol")),
                    rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("launch_base_url"),
                    rs.getString("catalogue_base_url"), Arrays.asList((String[]) cur.getArray()),
                    json.readValue(rs.getString("policy"), ProviderPolicy.class),
                    json.readValue(rs.getString("credentials"), ProviderCredentials.class),
                    json.readValue(rs.getString("settings"), MAP), rs.getLong("version"),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provider " + rs.getString("id") + " has unreadable JSON columns", e);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A provider id that is already registered. */
    public static class ProviderExistsException extends RuntimeException {
        public ProviderExistsException(String id) {
            super("provider '" + id + "' exists");
        }
    }
}
