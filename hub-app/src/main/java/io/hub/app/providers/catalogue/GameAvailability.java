package io.hub.app.providers.catalogue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the catalogue says about one game code of one provider, for the wallet's bet check
 * ({@code io.hub.app.providers.wallet.GameCheckBetGate}). Served from a per-node snapshot of the provider's
 * {@code provider_game} rows (one query per provider, at most every {@code hub.providers.cache-ttl}, default 5 s), so
 * a bet costs no extra database round trip; an operator change or a sync made on this node drops the provider's
 * snapshot at once ({@link #invalidate}), a change made on another node is seen within the TTL.
 */
@Component
public class GameAvailability {
    /** A game code's state in the provider's catalogue. */
    public enum Status {
        /** Listed by the provider's last sync and enabled by the operator. */
        LISTED,
        /** In the catalogue, disabled by an operator. */
        DISABLED,
        /** Was listed, and a later sync no longer returned it. */
        DELISTED,
        /** Never in the provider's catalogue (or the provider has never been synced). */
        UNKNOWN
    }

    private final JdbcTemplate jdbc;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(Map<String, Status> games, long loadedAt) {
    }

    public GameAvailability(JdbcTemplate jdbc, @Value("${hub.providers.cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The state of {@code gameCode} in the provider's catalogue; {@link Status#UNKNOWN} for a null code. */
    public Status status(String providerId, String gameCode) {
        if (gameCode == null) return Status.UNKNOWN;
        return snapshot(providerId).games().getOrDefault(gameCode, Status.UNKNOWN);
    }

    /** Drops the provider's snapshot (after a sync or an operator change on this node). */
    public void invalidate(String providerId) {
        snapshots.remove(providerId);
    }

    private Snapshot snapshot(String providerId) {
        long now = System.nanoTime();
        Snapshot s = snapshots.get(providerId);
        if (s != null && now - s.loadedAt() < ttlNanos) return s;
        Map<String, Status> games = new HashMap<>();
        jdbc.query("SELECT game_id, enabled, delisted_at IS NOT NULL FROM provider_game WHERE provider_id = ?", rs -> {
            games.put(rs.getString(1), rs.getBoolean(3) ? Status.DELISTED : rs.getBoolean(2) ? Status.LISTED : Status.DISABLED);
        }, providerId);
        Snapshot fresh = new Snapshot(Map.copyOf(games), now);
        snapshots.put(providerId, fresh);
        return fresh;
    }
}
