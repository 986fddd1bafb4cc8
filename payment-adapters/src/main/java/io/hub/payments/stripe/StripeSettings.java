package io.hub.payments.stripe;

import io.hub.payments.TimestampWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the Stripe webhook endpoint.
 *
 * @param secrets   the active endpoint signing secrets ({@code whsec_…}, used verbatim as UTF-8 HMAC keys —
 *                  no base64 decoding, payments.md §1.1); several during a secret roll; at least one
 * @param tolerance maximum |now − t| for the signed timestamp; default 300 s (stripe-java
 *                  {@code DEFAULT_TOLERANCE}), checked on both sides
 * @param clock     source of "now"
 */
public record StripeSettings(List<String> secrets, Duration tolerance, Clock clock) {
    public StripeSettings {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one Stripe signing secret is required");
        for (String s : secrets) {
            if (s == null || s.isBlank()) throw new IllegalArgumentException("blank Stripe signing secret");
        }
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(clock, "clock");
        new TimestampWindow(tolerance, clock); // validates the tolerance
    }

    /** Settings with the default 300 s tolerance and the system UTC clock. */
    public static StripeSettings of(String... secrets) {
        return new StripeSettings(List.of(secrets), TimestampWindow.DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public StripeSettings withClock(Clock newClock) {
        return new StripeSettings(secrets, tolerance, newClock);
    }

    public StripeSettings withTolerance(Duration newTolerance) {
        return new StripeSettings(secrets, newTolerance, clock);
    }

    TimestampWindow window() {
        return new TimestampWindow(tolerance, clock);
    }

    @Override
    public String toString() {
        return "StripeSettings[" + secrets.size() + " secret(s), tolerance=" + tolerance + "]";
    }
}
