package io.hub.payments.standardwebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.RefundAmount;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookSubject;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StandardWebhooksMessages.Event} → {@link VerifiedWebhook}: event id = the {@code webhook-id} header
 * (stable across retries, the spec's idempotency key); reference = {@code data.payment_id} for refunds and
 * disputes when present, else {@code data.id}; amount = {@code data.amount} + {@code data.currency} (INVALID_AMOUNT
 * unless a non-negative integer of minor units in a known currency; unknown types carry no amount);
 * occurredAt = payload {@code timestamp}, else the signed {@code webhook-timestamp}; attributes = {@code metadata.*}.
 *
 * <p>Refunds: in the hub's payload ({@link StandardWebhooksMessages}; the Standard Webhooks spec defines the envelope,
 * not the data) a {@code refund.*} event describes one refund: {@code data.id} is the refund's id and
 * {@code data.amount} that refund's own amount, so refund events are {@link RefundAmount#INCREMENTAL} with
 * {@link RefundAmount#REFUND_ID} = {@code data.id} (two events about one refund count it once; two refunds add up).
 */
public final class StandardWebhooksMapper {
    private StandardWebhooksMapper() {
    }

    public static VerifiedWebhook map(String webhookId, long webhookTimestamp, StandardWebhooksMessages.Event event,
                                      byte[] rawBody) {
        StandardWebhooksStatusTable.Rule rule = StandardWebhooksStatusTable.ruleFor(event.type());
        Optional<String> reference = switch (rule.subject()) {
            case REFUND, DISPUTE -> event.paymentId().or(event::id);
            default -> event.id();
        };
        Optional<Money> amount = StandardWebhooksStatusTable.supports(event.type())
                ? amount(event.data()) : Optional.empty();
        Map<String, String> attributes = new LinkedHashMap<>();
        event.metadata().forEach((k, v) -> attributes.put("metadata." + k, v));
        if (rule.subject() == WebhookSubject.REFUND) {
            attributes.put(RefundAmount.ATTRIBUTE, RefundAmount.INCREMENTAL.attributeValue());
            event.id().ifPresent(id -> attributes.put(RefundAmount.REFUND_ID, id));
        }
        return new VerifiedWebhook("standard-webhooks", webhookId, event.type(), rule.subject(), rule.status(),
                event.status().orElse(""), reference, amount,
                event.occurredAt().orElse(Instant.ofEpochSecond(webhookTimestamp)), attributes, rawBody);
    }

    private static Optional<Money> amount(JsonNode data) {
        JsonNode amount = data.get("amount");
        if (amount == null || amount.isNull()) return Optional.empty();
        String currency = WebhookJson.optText(data, "currency")
                .orElseThrow(() -> MalformedWebhookException.amount("amount without currency"));
        return Optional.of(WebhookJson.minorUnits(amount, currency));
    }
}
