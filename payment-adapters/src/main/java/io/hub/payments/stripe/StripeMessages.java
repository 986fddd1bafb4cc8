package io.hub.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Stripe v1 {@code Event} the hub reads (https://docs.stripe.com/api/events/object), parsed
 * only after {@link StripeSignatureVerifier} accepted the raw bytes.
 *
 * <pre>
 * {"id":"evt_…","object":"event","type":"payment_intent.succeeded","created":1700000000,"livemode":false,
 *  "data":{"object":{"id":"pi_…","object":"payment_intent","amount":1050,"currency":"eur",
 *                    "status":"succeeded","metadata":{"depositId":"…"}}}}
 * </pre>
 * Amounts are integers in the currency's minor units; currencies are lower-case ISO 4217.
 */
public final class StripeMessages {
    private StripeMessages() {
    }

    /**
     * An event envelope.
     *
     * @param id       {@code evt_…}, the inbox key
     * @param type     e.g. {@code payment_intent.succeeded}
     * @param created  unix seconds when Stripe created the event
     * @param livemode false for test-mode events
     * @param object   {@code data.object}, absent when the event has none
     */
    public record Event(String id, String type, long created, boolean livemode, Optional<DataObject> object) {
    }

    /**
     * {@code data.object}: a PaymentIntent, Charge, Refund, Dispute or Payout, reduced to the fields the hub uses.
     *
     * @param objectType    Stripe's {@code object} field: {@code payment_intent}, {@code charge}, {@code refund},
     *                      {@code dispute}, {@code payout}…
     * @param id            the object's id ({@code pi_…}, {@code ch_…}, {@code re_…}, {@code dp_…}, {@code po_…})
     * @param status        the object's {@code status}, if any
     * @param paymentIntent the {@code payment_intent} it belongs to (charges, refunds, disputes), if sent as an id
     * @param charge        the {@code charge} it belongs to (refunds, disputes), if sent as an id
     * @param node          the JSON object itself, for amount fields
     * @param metadata      string-valued {@code metadata} entries
     */
    public record DataObject(String objectType, Optional<String> id, Optional<String> status,
                             Optional<String> paymentIntent, Optional<String> charge, JsonNode node,
                             Map<String, String> metadata) {
    }

    /** Parses a verified body. */
    public static Event parse(byte[] rawBody) {
        JsonNode root = WebhookJson.readObject(rawBody);
        String id = WebhookJson.text(root, "id");
        String type = WebhookJson.text(root, "type");
        long created = WebhookJson.optLong(root, "created")
                .orElseThrow(() -> MalformedWebhookException.body("missing created"));
        JsonNode live = root.get("livemode");
        boolean livemode = live != null && live.isBoolean() && live.booleanValue();
        Optional<DataObject> object = WebhookJson.optObject(root, "data")
                .flatMap(d -> WebhookJson.optObject(d, "object"))
                .map(StripeMessages::dataObject);
        return new Event(id, type, created, livemode, object);
    }

    private static DataObject dataObject(JsonNode o) {
        Map<String, String> metadata = new LinkedHashMap<>();
        WebhookJson.optObject(o, "metadata").ifPresent(m -> m.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) metadata.put(e.getKey(), e.getValue().asText());
        }));
        return new DataObject(
                WebhookJson.optText(o, "object").orElse(""),
                WebhookJson.optText(o, "id"),
                WebhookJson.optText(o, "status"),
                idOf(o, "payment_intent"),
                idOf(o, "charge"),
                o,
                Map.copyOf(metadata));
    }

    /** An expandable reference: a string id, or an expanded object with an {@code id}. */
    private static Optional<String> idOf(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isTextual()) return Optional.of(v.asText());
        if (v.isObject()) return WebhookJson.optText(v, "id");
        throw MalformedWebhookException.body("field " + field + " is neither an id nor an object");
    }
}
