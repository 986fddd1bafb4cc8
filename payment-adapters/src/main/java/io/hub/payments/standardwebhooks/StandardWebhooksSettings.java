package io.hub.payments.standardwebhooks;

import com.standardwebhooks.Webhook;
import io.hub.payments.TimestampWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a Standard Webhooks endpoint (spec v1.0.0, payments.md §1.3).
 *
 * @param secrets   active symmetric secrets: {@code whsec_} + base64 of the key bytes (the prefix is optional,
 *                  as in the reference library); several during rotation; at least one; each must decode
 *                  to a non-empty key
 * @param tolerance maximum |now − webhook-timestamp|, default 300 s, both sides
 * @param clock     source of "now"
 * @throws IllegalArgumentException for an empty list or a secret that is not valid base64 / decodes to nothing
 */
public record StandardWebhooksSettings(List<String> secrets, Duration tolerance, Clock clock) {
    public StandardWebhooksSettings {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one Standard Webhooks secret is required");
        for (String s : secrets) library(s);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(clock, "clock");
        new TimestampWindow(tolerance, clock);
    }

    /** Settings with the default 300 s tolerance and the system UTC clock. */
    public static StandardWebhooksSettings of(String... secrets) {
        return new StandardWebhooksSettings(List.of(secrets), TimestampWindow.DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public StandardWebhooksSettings withClock(Clock newClock) {
        return new StandardWebhooksSettings(secrets, tolerance, newClock);
    }

    public StandardWebhooksSettings withTolerance(Duration newTolerance) {
        return new StandardWebhooksSettings(secrets, newTolerance, clock);
    }

    TimestampWindow window() {
        return new TimestampWindow(tolerance, clock);
    }

    /** The reference library's signer/verifier for one secret. */
    static Webhook library(String secret) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("blank Standard Webhooks secret");
        try {
            return new Webhook(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Standard Webhooks secret is not base64 after whsec_");
        } catch (Exception e) {
            throw new IllegalArgumentException("Standard Webhooks secret is empty");
        }
    }

    @Override
    public String toString() {
        return "StandardWebhooksSettings[" + secrets.size() + " secret(s), tolerance=" + tolerance + "]";
    }
}
