package io.hub.app.providers.outbound;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The typed view of a provider's {@code settings} (non-secret knobs, stored as JSON in {@code provider.settings}).
 * Durations are ISO-8601 strings ({@code "PT5M"}); every key is optional and has a default. Unknown keys are refused
 * so a typo is not silently ignored.
 *
 * @param catalogueSyncPeriod       how often the timed route pulls the game list (default PT5M, PT1S–P1D)
 * @param catalogueMinInterval      the provider's rate limit on its game-list API: at most one call per interval,
 *                                  across all nodes, timed and operator-triggered syncs alike (default PT1M, Hub88
 *                                  allows 1 request/min [H11]; PT0S–P1D)
 * @param breakerOpenDuration       how long an open circuit breaker fails calls fast before letting a probe through
 *                                  (default PT30S, PT0.1S–PT1H)
 * @param breakerMinCalls           calls in the window before the failure rate counts (default 5, 1–100)
 * @param breakerWindow             calls in the breaker's sliding window (default 10, ≥ breakerMinCalls, ≤ 1000)
 * @param breakerFailureRatePercent failure rate that opens the breaker (default 50, 1–100)
 * @param bulkheadMaxConcurrent     concurrent calls to this provider; more are refused at once (default 20, 1–1000)
 * @param retryAttempts             attempts of an idempotent GET (catalogue), first included (default 3, 1–5); a
 *                                  launch POST is never retried
 * @param retryWait                 pause between GET attempts (default PT0.2S, PT0S–PT10S)
 * @param secureLogin               Pragmatic launch/catalogue login (default: the provider id)
 * @param casinoKey                 Evolution casino key in the launch path (default: the provider id)
 * @param launchConnectTimeout      time to establish the connection of a launch call (PT0.1S–PT30S); null = the
 *                                  hub-wide default {@code camel.component.http.connect-timeout} (2 s)
 * @param launchReadTimeout         how long the provider may stay silent while a launch answer is awaited or read
 *                                  (between two reads, not for the whole answer; PT0.1S–PT2M); null = the hub-wide
 *                                  {@code camel.component.http.response-timeout} (5 s). A player waits on it: keep it
 *                                  short (providers.md §2: wallets are held to 0.3 s, providers hard-fail at 3 s)
 * @param catalogueConnectTimeout   the same for the game-list call (PT0.1S–PT30S; null = hub-wide default)
 * @param catalogueReadTimeout      the same for the game-list call (PT0.1S–PT2M; null = hub-wide default); a large list
 *                                  may need longer than a launch, and each GET attempt gets it afresh
 * @param launchTimeout             the whole-answer time limit of a launch call: from the attempt's start (connection
 *                                  included) to the last byte of the answer (PT0.1S–PT2M); null = the hub-wide
 *                                  {@code hub.providers.launch-timeout} (5 s). Past it the call is aborted (its
 *                                  connection closed) and fails 504 {@code PROVIDER_TIMEOUT}, however steadily the
 *                                  studio was still sending: it bounds a studio that dribbles its answer, which the read
 *                                  time-out does not
 * @param catalogueTimeout          the same for a game-list call (PT0.1S–PT10M; null = the hub-wide
 *                                  {@code hub.providers.catalogue-timeout}, 60 s); per GET attempt, so a sync may take
 *                                  up to {@code retryAttempts} times it (plus {@code retryWait}s)
 */
public record ProviderSettings(Duration catalogueSyncPeriod, Duration catalogueMinInterval, Duration breakerOpenDuration,
                               int breakerMinCalls, int breakerWindow, int breakerFailureRatePercent,
                               int bulkheadMaxConcurrent, int retryAttempts, Duration retryWait, String secureLogin,
                               String casinoKey, Duration launchConnectTimeout, Duration launchReadTimeout,
                               Duration catalogueConnectTimeout, Duration catalogueReadTimeout, Duration launchTimeout,
                               Duration catalogueTimeout) {
    /** The keys an operator may set. */
    public static final Set<String> KEYS = Set.of("catalogueSyncPeriod", "catalogueMinInterval", "breakerOpenDuration",
            "breakerMinCalls", "breakerWindow", "breakerFailureRatePercent", "bulkheadMaxConcurrent", "retryAttempts",
            "retryWait", "secureLogin", "casinoKey", "launchConnectTimeout", "launchReadTimeout", "catalogueConnectTimeout",
            "catalogueReadTimeout", "launchTimeout", "catalogueTimeout");
    /**
     * Bounds of the time-out settings: at least 0.1 s; connect at most 30 s, read at most 2 min, a launch as a whole at
     * most 2 min, a game-list call as a whole at most 10 min.
     */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_READ_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration MAX_LAUNCH_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration MAX_CATALOGUE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Reads and validates raw settings.
     *
     * @throws IllegalArgumentException naming the offending key, for an unknown key, a wrong type or a value out of range
     */
    public static ProviderSettings of(Map<String, Object> raw, String providerId) {
        Map<String, Object> s = raw == null ? Map.of() : raw;
        for (String k : s.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown setting '" + k + "'; known: " + new java.util.TreeSet<>(KEYS));
        }
        int minCalls = integer(s, "breakerMinCalls", 5, 1, 100);
        int window = integer(s, "breakerWindow", Math.max(10, minCalls), 1, 1000);
        if (window < minCalls) throw new IllegalArgumentException("setting 'breakerWindow' must be >= breakerMinCalls");
        return new ProviderSettings(
                duration(s, "catalogueSyncPeriod", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)),
                duration(s, "catalogueMinInterval", Duration.ofMinutes(1), Duration.ZERO, Duration.ofDays(1)),
                duration(s, "breakerOpenDuration", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofHours(1)),
                minCalls, window,
                integer(s, "breakerFailureRatePercent", 50, 1, 100),
                integer(s, "bulkheadMaxConcurrent", 20, 1, 1000),
                integer(s, "retryAttempts", 3, 1, 5),
                duration(s, "retryWait", Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(10)),
                text(s, "secureLogin", providerId), text(s, "casinoKey", providerId),
                duration(s, "launchConnectTimeout", null, MIN_TIMEOUT, MAX_CONNECT_TIMEOUT),
                duration(s, "launchReadTimeout", null, MIN_TIMEOUT, MAX_READ_TIMEOUT),
                duration(s, "catalogueConnectTimeout", null, MIN_TIMEOUT, MAX_CONNECT_TIMEOUT),
                duration(s, "catalogueReadTimeout", null, MIN_TIMEOUT, MAX_READ_TIMEOUT),
                duration(s, "launchTimeout", null, MIN_TIMEOUT, MAX_LAUNCH_TIMEOUT),
                duration(s, "catalogueTimeout", null, MIN_TIMEOUT, MAX_CATALOGUE_TIMEOUT));
    }

    /**
     * The settings for running: unknown keys and invalid values (e.g. written by a newer or older hub, or directly in
     * the database) fall back to their defaults instead of failing a call or the start-up.
     */
    public static ProviderSettings lenient(Map<String, Object> raw, String providerId) {
        try {
            return of(raw, providerId);
        } catch (IllegalArgumentException e) {
            // fall through: keep each valid known key on its own
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> {
                if (!KEYS.contains(k)) return;
                try {
                    of(Map.of(k, v), providerId);
                    ok.put(k, v);
                } catch (RuntimeException e) {
                    // dropped: the default applies
                }
            });
        }
        try {
            return of(ok, providerId);
        } catch (IllegalArgumentException e) {
            ok.remove("breakerWindow");
            return of(ok, providerId);
        }
    }

    /** The settings as stored: only what the operator set, in a stable order. */
    public static Map<String, Object> normalised(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw != null) new java.util.TreeMap<>(raw).forEach(out::put);
        return out;
    }

    private static Duration duration(Map<String, Object> s, String key, Duration def, Duration min, Duration max) {
        Object v = s.get(key);
        if (v == null) return def;
        if (!(v instanceof String text)) throw new IllegalArgumentException("setting '" + key + "' must be an ISO-8601 duration string such as \"PT5M\"");
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be an ISO-8601 duration string such as \"PT5M\"");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("setting '" + key + "' must be between " + min + " and " + max);
        }
        return d;
    }

    private static int integer(Map<String, Object> s, String key, int def, int min, int max) {
        Object v = s.get(key);
        if (v == null) return def;
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
            throw new IllegalArgumentException("setting '" + key + "' must be an integer");
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) throw new IllegalArgumentException("setting '" + key + "' must be between " + min + " and " + max);
        return (int) n;
    }

    private static String text(Map<String, Object> s, String key, String def) {
        Object v = s.get(key);
        if (v == null) return def;
        if (!(v instanceof String t) || t.isBlank() || t.length() > 200) {
            throw new IllegalArgumentException("setting '" + key + "' must be a non-empty string of at most 200 characters");
        }
        return t;
    }
}
