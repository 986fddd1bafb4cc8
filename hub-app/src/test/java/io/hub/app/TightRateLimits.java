package io.hub.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the test on a hub with low rate limits: 3 spins per player per second and 3 logins per username per minute.
 * Every test class carrying it shares one application context (one extra hub per test JVM, not one per class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = {
        "hub.rate-limits.spins-per-player-per-second=" + TightRateLimits.SPINS_PER_SECOND,
        "hub.rate-limits.login-per-user-per-minute=" + TightRateLimits.LOGINS_PER_MINUTE})
public @interface TightRateLimits {
    int SPINS_PER_SECOND = 3;
    int LOGINS_PER_MINUTE = 3;
}
