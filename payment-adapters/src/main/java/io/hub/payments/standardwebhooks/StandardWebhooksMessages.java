package io.hub.payments.standardwebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payment-event payload the hub accepts over Standard Webhooks: the spec's recommended envelope
 * ({@code type}, {@code timestamp}, {@code data}; standard-webhooks spec "Payload structure") with a hub-defined
 * {@code data} for PSPs that sign with this scheme:
 *
 * <pre>
 * {"type":"payment.succeeded","timestamp":"2026-11-29T10:00:00Z",
 *  "data":{"id":"pay_123","payment_id":"pay_123","amount":1050,"currency":"EUR","status":"succeeded",
 *          "metadata":{"depositId":"…"}}}
 * </pre>
 * {@code amount} is an integer of the currency's minor units; {@code currency} ISO 4217 in either case;
 * {@code payment_id} (refunds, disputes) names the original payment; {@code timestamp} is ISO-8601 with an offset.
 * A vendor whose {@code data} differs needs its own mapper; the verifier stays the same.
 */
public final class StandardWebhooksMessages {
    private StandardWebhooksMessages() {
    }

    /**
     * @param type       event type, e.g. {@code payment.succeeded}
     * @param occurredAt the payload {@code timestamp}, when present
     * @param data       the {@code data} object (may be empty)
     * @param metadata   string entries of {@code data.metadata}
     */
    public record Event(String type, Optional<Instant> occurredAt, JsonNode data, Map<String, String> metadata) {
        public Optional<String> id() {
            return WebhookJson.optText(data, "id");
        }

        public Optional<String> paymentId() {
            return WebhookJson.optText(data, "payment_id");
        }

        public Optional<String> status() {
            return WebhookJson.optText(data, "status");
        }
    }

    /** Parses a verified body. */
    public static Event parse(byte[] rawBody) {
        JsonNode root = WebhookJson.readObject(rawBody);
        String type = WebhookJson.text(root, "type");
        Optional<Instant> occurredAt = WebhookJson.optText(root, "timestamp").map(StandardWebhooksMessages::instant);
        JsonNode data = WebhookJson.optObject(root, "data").orElseGet(() -> WebhookJsonEmpty.OBJECT);
        Map<String, String> metadata = new LinkedHashMap<>();
        WebhookJson.optObject(data, "metadata").ifPresent(m -> m.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) metadata.put(e.getKey(), e.getValue().asText());
        }));
        return new Event(type, occurredAt, data, Map.copyOf(metadata));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw MalformedWebhookException.body("timestamp is not ISO-8601 with an offset");
        }
    }

    private static final class WebhookJsonEmpty {
        static final JsonNode OBJECT = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
