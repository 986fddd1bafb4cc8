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

    /**
     * Replaces a provider's mutable fields (everything but id, protocol and created_at) if its stored version is still
     * {@code expectedVersion}; the version grows by one. Added for the operator API (issue 3, engineer B).
     *
     * @throws ProviderNotFoundException when no provider has this id
     * @throws VersionConflictException  when the stored version is not {@code expectedVersion} (nothing is written)
     */
    public ProviderConfig update(ProviderConfig p, long expectedVersion) {
        int n = jdbc.update("UPDATE provider SET display_name = ?, enabled = ?, launch_base_url = ?, catalogue_base_url = ?,"
                        + " currencies = ?, policy = ?::jsonb, credentials = ?::jsonb, settings = ?::jsonb, version = version + 1,"
                        + " updated_at = clock_timestamp() WHERE id = ? AND version = ?",
                ps -> {
                    ps.setString(1, p.displayName());
                    ps.setBoolean(2, p.enabled());
                    ps.setString(3, p.launchBaseUrl());
                    ps.setString(4, p.catalogueBaseUrl());
                    ps.setArray(5, ps.getConnection().createArrayOf("text", p.currencies().toArray()));
                    ps.setString(6, write(p.policy()));
                    ps.setString(7, write(p.credentials()));
                    ps.setString(8, write(p.settings()));
                    ps.setString(9, p.id());
                    ps.setLong(10, expectedVersion);
                });
        cache.remove(p.id());
        if (n == 0) throw missingOrStale(p.id(), expectedVersion);
        return find(p.id()).orElseThrow();
    }

    /**
     * Enables or disables a provider (a disabled provider's callbacks are refused and its games unavailable); the
     * version grows by one. Added for the operator API (issue 3, engineer B).
     *
     * @throws ProviderNotFoundException when no provider has this id
     */
    public ProviderConfig setEnabled(String id, boolean enabled) {
        int n = jdbc.update("UPDATE provider SET enabled = ?, version = version + 1, updated_at = clock_timestamp() WHERE id = ?",
                enabled, id);
        cache.remove(id);
        if (n == 0) throw new ProviderNotFoundException(id);
        return find(id).orElseThrow();
    }

    private RuntimeException missingOrStale(String id, long expectedVersion) {
        Long current = jdbc.query("SELECT version FROM provider WHERE id = ?", (rs, i) -> rs.getLong(1), id).stream().findFirst().orElse(null);
        if (current == null) return new ProviderNotFoundException(id);
        return new VersionConflictException(id, expectedVersion, current);
    }

    /** Drops the cached entry (after an update through another class). */
    public void invalidate(String id) {
        cache.remove(id);
    }

    private ProviderConfig map(ResultSet rs) throws SQLException {
        Array cur = rs.getArray("currencies");
        try {
            ProviderProtocol protocol = ProviderProtocol.valueOf(rs.getString("protocol"));
            Map<String, Object> settings = json.readValue(rs.getString("settings"), MAP);
            return new ProviderConfig(rs.getString("id"), protocol,
                    rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("launch_base_url"),
                    rs.getString("catalogue_base_url"), Arrays.asList((String[]) cur.getArray()),
                    policy(protocol, rs.getString("policy"), settings),
                    json.readValue(rs.getString("credentials"), ProviderCredentials.class),
                    settings, rs.getLong("version"),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provider " + rs.getString("id") + " has unreadable JSON columns", e);
        }
    }

    /**
     * A stored policy table. A row written before {@code creditAfterSettle} existed (e.g. the SQL onboarding of
     * {@code bench/run-provider-bench.sh}) gets its protocol's default for it, so an Evolution provider never pays a
     * settled bet twice and Hub88/Pragmatic keep paying several wins of an open round. A row without {@code settlement}
     * reads as {@code MIXED}, or as {@code GAMEWISE} when its settings carry the Evolution setting
     * {@code gameWiseSettlement: true} that preceded the policy field (an older hub read it from the settings).
     */
    private ProviderPolicy policy(ProviderProtocol protocol, String stored, Map<String, Object> settings) throws JsonProcessingException {
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(stored);
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            if (!o.has("creditAfterSettle") || o.get("creditAfterSettle").isNull()) {
                o.put("creditAfterSettle", ProviderConfig.defaultPolicy(protocol).creditAfterSettle().name());
            }
            if ((!o.has("settlement") || o.get("settlement").isNull()) && settings != null
                    && Boolean.parseBoolean(String.valueOf(settings.get(LEGACY_GAME_WISE_SETTING)))) {
                o.put("settlement", ProviderPolicy.Settlement.GAMEWISE.name());
            }
        }
        return json.treeToValue(tree, ProviderPolicy.class);
    }

    /** The Evolution setting that preceded policy {@code settlement} (true = game-wise); read only into the policy. */
    public static final String LEGACY_GAME_WISE_SETTING = "gameWiseSettlement";

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** No provider has this id. */
    public static class ProviderNotFoundException extends RuntimeException {
        public ProviderNotFoundException(String id) {
            super("no provider '" + id + "'");
        }
    }

    /** An update based on a version that is no longer the stored one (optimistic locking). */
    public static class VersionConflictException extends RuntimeException {
        private final long currentVersion;

        public VersionConflictException(String id, long expected, long current) {
            super("provider '" + id + "' is at version " + current + ", not " + expected);
            this.currentVersion = current;
        }

        public long currentVersion() {
            return currentVersion;
        }
    }

    /** A provider id that is already registered. */
    public static class ProviderExistsException extends RuntimeException {
        public ProviderExistsException(String id) {
            super("provider '" + id + "' exists");
        }
    }
}
