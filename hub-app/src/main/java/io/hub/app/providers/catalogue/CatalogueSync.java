package io.hub.app.providers.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.outbound.ProviderCallException;
import io.hub.app.providers.outbound.ProviderCalls;
import io.hub.app.providers.outbound.ProviderSettings;
import io.hub.contracts.providers.CatalogueSyncPort;
import io.hub.contracts.providers.OutboundReply;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls a provider's game list and upserts it into {@code provider_game}.
 *
 * <p><b>Delisting.</b> The answer is the provider's whole catalogue: a listed game it no longer holds is marked
 * delisted ({@code provider_game.delisted_at} = the sync's time), never deleted; it then drops out of
 * {@code GET /games/list}, cannot be launched ({@code GAME_DELISTED}) and takes no new bets (policy
 * {@code gameCheck}), while wins, rollbacks and round ends of its open rounds still pay. A later sync that lists it
 * again relists it (metadata refreshed, {@code delisted_at} cleared; the operator's enabled flag is kept either way).
 * The counts land in {@code provider_sync.last_delisted} / {@code last_relisted} and in the {@link SyncResult}. An
 * entry whose code can be read but whose other fields cannot keeps its game as it was (neither refreshed nor
 * delisted). An answer holding no game code at all while the provider has listed games is refused as a provider
 * fault (a failed sync, nothing delisted): an empty list from a glitching studio must not withdraw its whole
 * catalogue; an operator who wants that disables the provider.
 *
 * <p><b>Rate limit.</b> Before calling, the sync claims the provider's {@code provider_sync.last_attempt_at} with one
 * conditional UPDATE (at most one call per {@code catalogueMinInterval}, across every node, timed and operator syncs
 * alike). An operator sync that comes too early is <b>refused with 429</b> and {@code Retry-After} (not coalesced:
 * the operator sees at once that nothing was called); a timed tick that comes too early does nothing.
 *
 * <p><b>Failures</b> (time-out, 5xx after the retries, an unreadable list) are recorded in {@code provider_sync}
 * (last error, consecutive failures: the provider's health) and never delete or change a game: the lobby keeps the
 * last good catalogue.
 */
@Component
public class CatalogueSync implements CatalogueSyncPort {
    private static final Logger log = LoggerFactory.getLogger(CatalogueSync.class);
    private final ProviderRegistry registry;
    private final ProviderCalls calls;
    private final ProviderGames games;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CatalogueProtocol protocol;
    private final ExternalGameCatalogue lobby;
    private final GameAvailability availability;

    public CatalogueSync(ProviderRegistry registry, ProviderCalls calls, ProviderGames games, JdbcTemplate jdbc,
                         TransactionTemplate tx, ObjectMapper json, ExternalGameCatalogue lobby, GameAvailability availability) {
        this.registry = registry;
        this.calls = calls;
        this.games = games;
        this.jdbc = jdbc;
        this.tx = tx;
        this.protocol = new CatalogueProtocol(json);
        this.lobby = lobby;
        this.availability = availability;
    }

    /**
     * The outcome of one sync: OK (with counts), SKIPPED (not due / disabled / no catalogue URL).
     *
     * @param games    games read and upserted
     * @param skipped  entries that could not be read
     * @param delisted listed games the answer no longer held, now delisted
     * @param relisted delisted games the answer held again, now listed
     */
    public record SyncResult(String status, int games, int skipped, int delisted, int relisted, String detail) {
    }

    /** An operator sync inside the provider's rate limit. */
    public static class RateLimitedException extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimitedException(String providerId, long retryAfterSeconds) {
            super("the game list of provider '" + providerId + "' may be pulled once per interval; retry in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Override
    public void syncIfDue(String providerId) {
        ProviderConfig p = registry.find(providerId).orElse(null);
        if (p == null || !p.enabled() || p.catalogueBaseUrl() == null) return;
        ProviderSettings s = ProviderSettings.lenient(p.settings(), p.id());
        // several nodes tick: at most one pull per half period (and never more often than the rate limit)
        Duration interval = max(s.catalogueMinInterval(), s.catalogueSyncPeriod().dividedBy(2));
        if (claim(p.id(), interval) != null) return;
        try {
            pull(p);
        } catch (RuntimeException e) {
            log.warn("catalogue sync of provider {} failed: {}", p.id(), e.getMessage());
        }
    }

    /**
     * An operator-triggered sync: runs now unless inside the rate limit.
     *
     * @throws RateLimitedException   inside {@code catalogueMinInterval} of the previous pull
     * @throws ProviderCallException  the provider gave no usable list (recorded as the provider's health)
     * @throws IllegalStateException  the provider has no catalogue URL
     */
    public SyncResult syncNow(ProviderConfig p) {
        if (p.catalogueBaseUrl() == null) throw new IllegalArgumentException("provider '" + p.id() + "' has no catalogueBaseUrl");
        ProviderSettings s = ProviderSettings.lenient(p.settings(), p.id());
        Long retryAfter = claim(p.id(), s.catalogueMinInterval());
        if (retryAfter != null) throw new RateLimitedException(p.id(), retryAfter);
        return pull(p);
    }

    /** {@code provider_sync} of the provider as a JSON-ready map (empty values before the first sync). */
    public Map<String, Object> health(String providerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM provider_sync WHERE provider_id = ?", providerId);
        Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
        m.put("lastAttemptAt", instant(r.get("last_attempt_at")));
        m.put("lastSuccessAt", instant(r.get("last_success_at")));
        m.put("games", r.get("last_games"));
        m.put("skippedEntries", r.get("last_skipped"));
        m.put("delisted", r.get("last_delisted"));
        m.put("relisted", r.get("last_relisted"));
        m.put("lastError", r.get("last_error"));
        m.put("lastErrorAt", instant(r.get("last_error_at")));
        m.put("consecutiveFailures", r.get("consecutive_failures") == null ? 0 : r.get("consecutive_failures"));
        return m;
    }

    private static String instant(Object ts) {
        return ts instanceof Timestamp t ? t.toInstant().toString() : null;
    }

    /** Claims the right to call now; null when claimed, else the seconds until the next call is allowed. */
    private Long claim(String providerId, Duration minInterval) {
        jdbc.update("INSERT INTO provider_sync (provider_id) VALUES (?) ON CONFLICT DO NOTHING", providerId);
        int n = jdbc.update("UPDATE provider_sync SET last_attempt_at = clock_timestamp() WHERE provider_id = ?"
                        + " AND (last_attempt_at IS NULL OR last_attempt_at <= clock_timestamp() - ? * interval '1 millisecond')",
                providerId, minInterval.toMillis());
        if (n == 1) return null;
        Long waitMs = jdbc.queryForObject("SELECT ceil(extract(epoch FROM (last_attempt_at + ? * interval '1 millisecond' - clock_timestamp())) * 1000)::bigint"
                + " FROM provider_sync WHERE provider_id = ?", Long.class, minInterval.toMillis(), providerId);
        return Math.max(1, (waitMs == null ? 1000 : waitMs + 999) / 1000);
    }

    private SyncResult pull(ProviderConfig p) {
        try {
            OutboundReply reply = calls.call(p, protocol.request(p));
            if (reply.status() != 200) {
                throw new ProviderCallException(p.id(), ProviderCallException.Kind.ERROR, false,
                        "the provider answered HTTP " + reply.status() + " to the game list");
            }
            CatalogueProtocol.Parsed parsed;
            try {
                parsed = protocol.parse(p, reply.body());
            } catch (CatalogueProtocol.FormatException e) {
                throw new ProviderCallException(p.id(), ProviderCallException.Kind.ERROR, false, e.getMessage());
            }
            java.util.Set<String> upserted = new java.util.HashSet<>();
            parsed.games().forEach(g -> upserted.add(g.gameId()));
            int listedBefore = games.listedCount(p.id());
            if (parsed.ids().isEmpty() && listedBefore > 0) {
                throw new ProviderCallException(p.id(), ProviderCallException.Kind.ERROR, false, "the game list holds no game while "
                        + listedBefore + " are listed: nothing delisted (disable the provider to withdraw its catalogue)");
            }
            Instant now = Instant.now();
            int[] moved = tx.execute(st -> {
                int relisted = games.delistedAmong(p.id(), upserted);
                games.upsert(p.id(), parsed.games(), now);
                int delisted = games.delistMissing(p.id(), parsed.ids(), now);
                jdbc.update("UPDATE provider_sync SET last_success_at = clock_timestamp(), last_games = ?, last_skipped = ?,"
                        + " last_delisted = ?, last_relisted = ?, consecutive_failures = 0 WHERE provider_id = ?",
                        parsed.games().size(), parsed.skipped(), delisted, relisted, p.id());
                return new int[] {delisted, relisted};
            });
            availability.invalidate(p.id());
            lobby.invalidate();
            log.info("catalogue sync of provider {}: {} games, {} entries skipped, {} delisted, {} relisted", p.id(),
                    parsed.games().size(), parsed.skipped(), moved[0], moved[1]);
            return new SyncResult("OK", parsed.games().size(), parsed.skipped(), moved[0], moved[1], null);
        } catch (ProviderCallException e) {
            jdbc.update("UPDATE provider_sync SET last_error = ?, last_error_at = clock_timestamp(),"
                    + " consecutive_failures = consecutive_failures + 1 WHERE provider_id = ?", e.getMessage(), p.id());
            throw e;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
