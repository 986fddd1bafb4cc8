package io.hub.app.providers.admin;

import io.hub.app.web.AuditLog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderCredentials;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.catalogue.CatalogueSync;
import io.hub.app.providers.catalogue.CatalogueSyncScheduler;
import io.hub.app.providers.catalogue.ExternalGameCatalogue;
import io.hub.app.providers.catalogue.GameAvailability;
import io.hub.app.providers.catalogue.ProviderGame;
import io.hub.app.providers.catalogue.ProviderGames;
import io.hub.app.providers.outbound.ProviderApiException;
import io.hub.app.providers.outbound.ProviderCallException;
import io.hub.app.providers.outbound.ProviderCalls;
import io.hub.app.providers.outbound.ProviderSettings;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.providers.ProviderPolicy;
import java.net.URI;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's provider onboarding: validation of every field (a clear 400 naming the field, never a 500), policy
 * defaults per protocol with per-field overrides, write-only credentials, optimistic versions, and one
 * {@code audit_log} row per action in the same transaction as the change.
 */
@Service
public class ProviderAdminService {
    private static final Logger log = LoggerFactory.getLogger(ProviderAdminService.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final ProviderRegistry registry;
    private final ProviderGames games;
    private final ProviderCalls calls;
    private final CatalogueSync sync;
    private final CatalogueSyncScheduler scheduler;
    private final ExternalGameCatalogue lobby;
    private final GameAvailability availability;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    /** {@code hub.providers.allow-loopback-urls}: true in the default run (simulated studios on localhost), false in production. */
    private final boolean allowLoopbackUrls;

    public ProviderAdminService(ProviderRegistry registry, ProviderGames games, ProviderCalls calls, CatalogueSync sync,
                                CatalogueSyncScheduler scheduler, ExternalGameCatalogue lobby, GameAvailability availability,
                                AuditLog audit, TransactionTemplate tx, ObjectMapper json,
                                @org.springframework.beans.factory.annotation.Value("${hub.providers.allow-loopback-urls:true}") boolean allowLoopbackUrls) {
        this.allowLoopbackUrls = allowLoopbackUrls;
        this.registry = registry;
        this.games = games;
        this.calls = calls;
        this.sync = sync;
        this.scheduler = scheduler;
        this.lobby = lobby;
        this.availability = availability;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
    }

    /** Credentials as sent by the operator; each field optional on update. */
    public record CredentialsInput(String publicKeyPem, String secret, String apiToken) {
        @Override
        public String toString() {
            return "CredentialsInput(redacted)";
        }
    }

    /**
     * The body of register ({@code POST}) and update ({@code PATCH}, every field optional but {@code version}).
     * {@code policy} holds overrides of the protocol's default policy table; {@code settings} see {@link ProviderSettings}
     * (on update a key set to null returns to its default).
     */
    public record ProviderInput(String id, String protocol, String displayName, Boolean enabled, String launchBaseUrl,
                                String catalogueBaseUrl, CredentialsInput credentials, List<String> currencies,
                                Map<String, Object> policy, Map<String, Object> settings, Long version) {
        @Override
        public String toString() {
            return "ProviderInput(" + id + ", credentials redacted)";
        }
    }

    public ProviderConfig register(String actor, ProviderInput in) {
        if (in == null) throw bad("MISSING_FIELD", "a JSON body is required");
        String id = required(in.id(), "id");
        if (!ProviderConfig.ID.matcher(id).matches()) throw bad("INVALID_MESSAGE", "id must match " + ProviderConfig.ID.pattern());
        ProviderProtocol protocol = protocol(required(in.protocol(), "protocol"));
        ProviderConfig p = new ProviderConfig(id, protocol, displayName(required(in.displayName(), "displayName")),
                in.enabled() == null || in.enabled(), url(in.launchBaseUrl(), "launchBaseUrl"), url(in.catalogueBaseUrl(), "catalogueBaseUrl"),
                currencies(in.currencies()), policy(ProviderConfig.defaultPolicy(protocol), in.policy()),
                credentials(protocol, null, in.credentials()), settings(id, Map.of(), in.settings()), 0, null, null);
        ProviderConfig saved = tx.execute(s -> {
            ProviderConfig r = registry.register(p);
            audit.record(actor, "PROVIDER_REGISTERED", "provider:" + id, null, view(r));
            return r;
        });
        log.info("provider {} registered by {} ({}, credentials {})", id, actor, protocol, saved.credentials());
        scheduler.schedule(saved);
        lobby.invalidate();
        return saved;
    }

    public ProviderConfig update(String actor, String id, ProviderInput in) {
        if (in == null) throw bad("MISSING_FIELD", "a JSON body is required");
        if (in.version() == null) throw bad("MISSING_FIELD", "version is required (the version you read)");
        ProviderConfig cur = current(id);   // unchanged fields are copied from it: never from a stale cache entry
        if (cur.version() != in.version()) throw new ProviderRegistry.VersionConflictException(id, in.version(), cur.version());
        if (in.id() != null && !in.id().equals(id)) throw bad("INVALID_MESSAGE", "id cannot be changed");
        if (in.protocol() != null && protocol(in.protocol()) != cur.protocol()) throw bad("INVALID_MESSAGE", "protocol cannot be changed");
        ProviderConfig next = new ProviderConfig(id, cur.protocol(),
                in.displayName() == null ? cur.displayName() : displayName(in.displayName()),
                in.enabled() == null ? cur.enabled() : in.enabled(),
                in.launchBaseUrl() == null ? cur.launchBaseUrl() : url(in.launchBaseUrl(), "launchBaseUrl"),
                in.catalogueBaseUrl() == null ? cur.catalogueBaseUrl() : url(in.catalogueBaseUrl(), "catalogueBaseUrl"),
                in.currencies() == null ? cur.currencies() : currencies(in.currencies()),
                in.policy() == null ? cur.policy() : policy(cur.policy(), in.policy()),
                in.credentials() == null ? cur.credentials() : credentials(cur.protocol(), cur.credentials(), in.credentials()),
                in.settings() == null ? cur.settings() : settings(id, cur.settings(), in.settings()), cur.version(), null, null);
        ProviderConfig saved = tx.execute(s -> {
            ProviderConfig r = registry.update(next, in.version());
            Map<String, Object> after = view(r);
            // names only: the audit shows that a secret was rotated, never its value
            after.put("credentialsChanged", r.credentials().changedFrom(cur.credentials()));
            audit.record(actor, "PROVIDER_UPDATED", "provider:" + id, view(cur), after);
            return r;
        });
        log.info("provider {} updated by {} to version {} (credentials {})", id, actor, saved.version(), saved.credentials());
        scheduler.schedule(saved);
        lobby.invalidate();
        return saved;
    }

    public ProviderConfig setEnabled(String actor, String id, boolean enabled) {
        ProviderConfig before = current(id);
        ProviderConfig saved = tx.execute(s -> {
            ProviderConfig r = registry.setEnabled(id, enabled);
            audit.record(actor, enabled ? "PROVIDER_ENABLED" : "PROVIDER_DISABLED", "provider:" + id, view(before), view(r));
            return r;
        });
        lobby.invalidate();
        return saved;
    }

    public ProviderGame setGameEnabled(String actor, String id, String gameId, boolean enabled) {
        get(id);
        ProviderGame before = games.find(id, gameId)
                .orElseThrow(() -> new ProviderApiException(404, "UNKNOWN_GAME", "provider '" + id + "' has no game '" + gameId + "'"));
        ProviderGame after = tx.execute(s -> {
            games.setEnabled(id, gameId, enabled);
            availability.invalidate(id);
            ProviderGame r = games.find(id, gameId).orElseThrow();
            audit.record(actor, enabled ? "PROVIDER_GAME_ENABLED" : "PROVIDER_GAME_DISABLED", "provider-game:" + id + ":" + gameId,
                    Map.of("enabled", before.enabled()), Map.of("enabled", r.enabled()));
            return r;
        });
        availability.invalidate(id);   // again after the commit: a bet in between may have reloaded the old state
        lobby.invalidate();
        return after;
    }

    /** Triggers a catalogue sync now (audited whether it succeeds or fails; a rate-limited request is refused unaudited). */
    public CatalogueSync.SyncResult sync(String actor, String id) {
        ProviderConfig p = get(id);
        try {
            CatalogueSync.SyncResult r = sync.syncNow(p);
            audit.record(actor, "PROVIDER_CATALOGUE_SYNC", "provider:" + id, null,
                    Map.of("status", r.status(), "games", r.games(), "skippedEntries", r.skipped(), "delisted", r.delisted(),
                            "relisted", r.relisted()));
            return r;
        } catch (ProviderCallException e) {
            audit.record(actor, "PROVIDER_CATALOGUE_SYNC", "provider:" + id, null, Map.of("status", "FAILED", "error", e.getMessage()));
            throw e;
        }
    }

    /** The provider as stored now (bypasses the registry's short cache: an operator reads the version to update). */
    public ProviderConfig current(String id) {
        registry.invalidate(id);
        return get(id);
    }

    public ProviderConfig get(String id) {
        return registry.find(id).orElseThrow(() -> new ProviderRegistry.ProviderNotFoundException(id));
    }

    /** The provider as the API shows it: everything but secret values ({@code credentials} lists which are set). */
    public Map<String, Object> view(ProviderConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("protocol", p.protocol().name());
        m.put("displayName", p.displayName());
        m.put("enabled", p.enabled());
        m.put("launchBaseUrl", p.launchBaseUrl());
        m.put("catalogueBaseUrl", p.catalogueBaseUrl());
        m.put("currencies", p.currencies());
        m.put("policy", json.convertValue(p.policy(), MAP));
        m.put("settings", p.settings());
        m.put("credentials", p.credentials().present());
        m.put("version", p.version());
        m.put("createdAt", p.createdAt() == null ? null : p.createdAt().toString());
        m.put("updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        return m;
    }

    /** {@link #view} plus {@code health}. */
    public Map<String, Object> viewWithHealth(ProviderConfig p) {
        Map<String, Object> m = view(p);
        m.put("health", health(p));
        return m;
    }

    /**
     * {@code {"available","breaker":"CLOSED|OPEN|HALF_OPEN","breakerCalls":{"bufferedCalls","failedCalls","slowCalls",
     * "failureRatePercent","slowCallRatePercent","slowCallThresholdMs"},"inFlight","timeouts":{"launch":{"connectMs",
     * "readMs","totalMs"},"catalogue":{…}},"catalogue":{"lastAttemptAt","lastSuccessAt","games","skippedEntries",
     * "delisted","relisted","lastError","lastErrorAt","consecutiveFailures"}}}; {@code timeouts} are the ones the calls
     * apply, in milliseconds (the provider's settings, else the hub-wide defaults): connect, read (silence between two
     * reads) and total (the whole-answer deadline of an attempt).
     */
    public Map<String, Object> health(ProviderConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", p.enabled() && !calls.breakerOpen(p.id()));
        m.put("breaker", calls.breakerState(p.id()).name());
        m.put("breakerCalls", calls.breakerCalls(p.id()));
        m.put("inFlight", calls.inFlight(p.id()));
        Map<String, Object> timeouts = new LinkedHashMap<>();
        for (String op : List.of("launch", ProviderCalls.CATALOGUE)) {
            ProviderCalls.Timeouts t = calls.timeouts(p, op);
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("connectMs", t.connectMs());
            limits.put("readMs", t.readMs());
            limits.put("totalMs", t.totalMs());
            timeouts.put(op, limits);
        }
        m.put("timeouts", timeouts);
        m.put("catalogue", sync.health(p.id()));
        return m;
    }

    public static Map<String, Object> gameView(ProviderGame g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gameId", g.gameId());
        m.put("lobbyGameId", g.providerId() + ":" + g.gameId());
        m.put("name", g.name());
        m.put("category", g.category());
        m.put("rtp", g.rtp() == null ? null : g.rtp().stripTrailingZeros().toPlainString());
        m.put("volatility", g.volatility());
        m.put("demo", g.demo());
        m.put("limits", g.limits());
        m.put("enabled", g.enabled());
        m.put("syncedAt", g.syncedAt().toString());
        m.put("delistedAt", g.delistedAt() == null ? null : g.delistedAt().toString());
        return m;
    }

    // --- validation -------------------------------------------------------------------------------------------------

    private static ProviderApiException bad(String code, String message) {
        return new ProviderApiException(400, code, message);
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) throw bad("MISSING_FIELD", field + " is required");
        return v;
    }

    private static ProviderProtocol protocol(String p) {
        try {
            return ProviderProtocol.valueOf(p);
        } catch (IllegalArgumentException e) {
            throw bad("INVALID_MESSAGE", "protocol must be one of HUB88, PRAGMATIC, EVOLUTION");
        }
    }

    private static String displayName(String n) {
        if (n.isBlank() || n.length() > 100) throw bad("INVALID_MESSAGE", "displayName must be 1-100 characters");
        return n.trim();
    }

    private String url(String u, String field) {
        if (u == null) return null;
        URI uri;
        try {
            uri = new URI(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null || u.length() > 500) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw bad("INVALID_MESSAGE", field + " must be an absolute http(s) URL without user info, query or fragment");
        }
        String problem = hostProblem(uri.getHost(), allowLoopbackUrls);
        if (problem != null) throw bad("INVALID_MESSAGE", field + " may not point at " + problem);
        return u;
    }

    /**
     * Why a studio URL's host is refused (server-side request forgery: the hub calls these URLs), or null: a literal
     * link-local address (169.254.0.0/16 with the cloud metadata service, fe80::/10), the unspecified or a multicast
     * address, a cloud metadata host name, and — when {@code allowLoopback} is false (production profile) — loopback
     * ({@code localhost}, 127.0.0.0/8, ::1), where the hub's own database and admin ports listen. Host names are not
     * resolved here (a name can be re-pointed later); network egress rules remain the operator's control.
     */
    static String hostProblem(String host, boolean allowLoopback) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("metadata.google.internal") || h.equals("metadata") || h.endsWith(".internal.metadata")) return "a cloud metadata service";
        if (h.equals("localhost") || h.endsWith(".localhost")) return allowLoopback ? null : "a loopback address";
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) return null;
        java.net.InetAddress a;
        try {
            a = java.net.InetAddress.getByName(h); // a literal: parsed, never looked up
        } catch (java.net.UnknownHostException e) {
            return "an invalid address";
        }
        if (a.isLinkLocalAddress()) return "a link-local address (cloud metadata)";
        if (a.isAnyLocalAddress()) return "the unspecified address";
        if (a.isMulticastAddress()) return "a multicast address";
        if (a.isLoopbackAddress() && !allowLoopback) return "a loopback address";
        return null;
    }

    private static List<String> currencies(List<String> in) {
        if (in == null || in.isEmpty()) throw bad("MISSING_FIELD", "currencies is required (ISO 4217 codes)");
        if (in.size() > 50) throw bad("INVALID_MESSAGE", "at most 50 currencies");
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String c : in) {
            try {
                out.add(CurrencyUnit.of(c).code());
            } catch (RuntimeException e) {
                throw bad("CURRENCY_MISMATCH", "currencies: '" + c + "' is not an ISO 4217 currency code");
            }
        }
        return new ArrayList<>(out);
    }

    private ProviderPolicy policy(ProviderPolicy base, Map<String, Object> overrides) {
        if (overrides == null || overrides.isEmpty()) return base;
        Map<String, Object> merged = new LinkedHashMap<>(json.convertValue(base, MAP));
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!merged.containsKey(e.getKey())) throw bad("INVALID_MESSAGE", "policy: unknown field '" + e.getKey() + "'; known: " + merged.keySet());
            if (e.getValue() == null) throw bad("INVALID_MESSAGE", "policy." + e.getKey() + " must not be null");
            if ((merged.get(e.getKey()) instanceof Boolean) != (e.getValue() instanceof Boolean)) {
                throw bad("INVALID_MESSAGE", "policy." + e.getKey() + " has the wrong type");
            }
            merged.put(e.getKey(), e.getValue());
        }
        try {
            return json.convertValue(merged, ProviderPolicy.class);
        } catch (IllegalArgumentException e) {
            throw bad("INVALID_MESSAGE", "policy: a value is not one of the allowed ones (e.g. unknownRollback ACK_WITH_BALANCE|NOT_FOUND,"
                    + " gameCheck STRICT|LISTED_OR_UNKNOWN_ALLOWED|OFF, creditAfterSettle REJECT|WHILE_ROUND_OPEN,"
                    + " settlement MIXED|GAMEWISE)");
        }
    }

    private static ProviderCredentials credentials(ProviderProtocol protocol, ProviderCredentials current, CredentialsInput in) {
        String pem = current == null ? null : current.publicKeyPem();
        String secret = current == null ? null : current.secret();
        String token = current == null ? null : current.apiToken();
        if (in != null) {
            if (in.publicKeyPem() != null) pem = publicKey(in.publicKeyPem());
            if (in.secret() != null) secret = secret(in.secret(), "credentials.secret");
            if (in.apiToken() != null) token = secret(in.apiToken(), "credentials.apiToken");
        }
        switch (protocol) {
            case HUB88:
                if (pem == null) throw bad("MISSING_FIELD", "credentials.publicKeyPem is required for HUB88 (the key that signs its callbacks)");
                break;
            case PRAGMATIC:
                if (secret == null) throw bad("MISSING_FIELD", "credentials.secret is required for PRAGMATIC (the hash secret)");
                break;
            case EVOLUTION:
                if (token == null) throw bad("MISSING_FIELD", "credentials.apiToken is required for EVOLUTION (the authToken)");
                break;
            default:
                throw new IllegalStateException();
        }
        return new ProviderCredentials(pem, secret, token);
    }

    private static String secret(String s, String field) {
        if (s.length() < 8 || s.length() > 512 || !s.chars().allMatch(c -> c > 32 && c < 127)) {
            throw bad("INVALID_MESSAGE", field + " must be 8-512 printable ASCII characters without spaces");
        }
        return s;
    }

    /** An RSA public key as X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}, RFC 7468 §13). */
    private static String publicKey(String pem) {
        try {
            String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
            if (!pem.contains("-----BEGIN PUBLIC KEY-----")) throw new IllegalArgumentException();
            KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
            return pem.trim();
        } catch (Exception e) {
            throw bad("INVALID_MESSAGE", "credentials.publicKeyPem must be an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)");
        }
    }

    private static Map<String, Object> settings(String id, Map<String, Object> current, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        // an older hub's Evolution setting: already read into policy settlement, which every update stores explicitly
        merged.remove(ProviderRegistry.LEGACY_GAME_WISE_SETTING);
        if (changes != null) changes.forEach((k, v) -> {
            if (v == null) merged.remove(k);
            else merged.put(k, v);
        });
        try {
            ProviderSettings.of(merged, id);
        } catch (IllegalArgumentException e) {
            throw bad("INVALID_MESSAGE", e.getMessage());
        }
        return ProviderSettings.normalised(merged);
    }
}
