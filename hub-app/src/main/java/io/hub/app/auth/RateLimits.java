package io.hub.app.auth;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keyed rate limits on Resilience4j's {@link RateLimiter} (one limiter per player or client address, created on
 * first use; the map is cleared when it grows past {@value #MAX_KEYS} keys, which at worst forgives some excess).
 */
@Component
public class RateLimits {
    static final int MAX_KEYS = 200_000;
    private final RateLimiterConfig loginPerAddress;
    private final RateLimiterConfig loginPerUser;
    private final RateLimiterConfig spinsPerPlayer;
    private final RateLimiterConfig spinsPerAddress;
    private final ConcurrentHashMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimits(RateLimitProperties p) {
        this.loginPerAddress = config(p.loginPerAddressPerMinute(), Duration.ofMinutes(1));
        this.loginPerUser = config(p.loginPerUserPerMinute(), Duration.ofMinutes(1));
        this.spinsPerPlayer = config(p.spinsPerPlayerPerSecond(), Duration.ofSeconds(1));
        this.spinsPerAddress = config(p.spinsPerAddressPerSecond(), Duration.ofSeconds(1));
    }

    private static RateLimiterConfig config(int limit, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
    }

    /** True when one more login attempt from this address and for this username is allowed now. */
    public boolean tryLogin(String clientAddress, String username) {
        return acquire("login-addr:" + clientAddress, loginPerAddress)
                && acquire("login-user:" + (username == null ? "" : username.toLowerCase()), loginPerUser);
    }

    /** True when one more spin for this player from this address is allowed now. */
    public boolean trySpin(String playerId, String clientAddress) {
        return acquire("spin-player:" + playerId, spinsPerPlayer) && acquire("spin-addr:" + clientAddress, spinsPerAddress);
    }

    private boolean acquire(String key, RateLimiterConfig config) {
        if (limiters.size() > MAX_KEYS) limiters.clear();
        return limiters.computeIfAbsent(key, k -> RateLimiter.of(k, config)).acquirePermission();
    }
}
