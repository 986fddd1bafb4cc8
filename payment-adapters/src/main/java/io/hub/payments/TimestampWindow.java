package io.hub.payments;

import io.hub.contracts.payments.WebhookRejected;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Two-sided replay window: a signed timestamp {@code t} (unix seconds) is accepted when
 * {@code |now − t| ≤ tolerance} (payments.md §1.1: stripe-java checks only the old side; §7 #7 requires both).
 *
 * @param tolerance maximum distance from now, at least one second
 * @param clock     the clock for "now"
 */
public record TimestampWindow(Duration tolerance, Clock clock) {
    /** The default tolerance of Stripe and Standard Webhooks: 300 s. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    public TimestampWindow {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(clock, "clock");
        if (tolerance.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tolerance must be at least 1 s (a zero tolerance would reject all)");
        }
    }

    /** The rejection for a timestamp outside the window, or empty when inside. */
    public Optional<WebhookRejected> check(long unixSeconds) {
        long now = clock.instant().getEpochSecond();
        long tol = tolerance.getSeconds();
        if (unixSeconds < now - tol) {
            return Optional.of(WebhookRejected.of(WebhookRejected.Reason.STALE_TIMESTAMP,
                    "timestamp is " + (now - unixSeconds) + " s old, tolerance " + tol + " s"));
        }
        if (unixSeconds > now + tol) {
            return Optional.of(WebhookRejected.of(WebhookRejected.Reason.FUTURE_TIMESTAMP,
                    "timestamp is " + (unixSeconds - now) + " s ahead, tolerance " + tol + " s"));
        }
        return Optional.empty();
    }

    /** Parses a unix-seconds header value: ASCII digits only, at most 12 of them; empty otherwise. */
    public static Optional<Long> parseUnixSeconds(String text) {
        if (text == null || text.isEmpty() || text.length() > 12) return Optional.empty();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
