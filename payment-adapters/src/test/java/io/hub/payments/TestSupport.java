package io.hub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared test helpers: vectors, clocks, outcome assertions. */
public final class TestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSupport() {
    }

    /** A vector from /work/shared/vectors (or -Dvectors.dir). */
    public static JsonNode vector(String name) {
        Path dir = Path.of(System.getProperty("vectors.dir", "/work/shared/vectors"));
        try {
            return JSON.readTree(Files.readString(dir.resolve(name)));
        } catch (IOException e) {
            throw new IllegalStateException("vector " + name + " not readable in " + dir, e);
        }
    }

    public static Clock clockAt(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and writes back compactly with Jackson: same JSON, different bytes. */
    public static byte[] reserialised(byte[] body) {
        try {
            return JSON.writeValueAsBytes(JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VerifiedWebhook verified(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(VerifiedWebhook.class);
        return (VerifiedWebhook) outcome;
    }

    public static void assertRejected(WebhookOutcome outcome, WebhookRejected.Reason reason) {
        assertThat(outcome).isInstanceOf(WebhookRejected.class);
        assertThat(((WebhookRejected) outcome).reason()).as(outcome.toString()).isEqualTo(reason);
    }
}
