package io.hub.contracts.payments;

import io.hub.contracts.money.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery whose signature, timestamp and body were checked, mapped to the hub's canonical status.
 * This is what the hub's inbox stores (unique on {@code (vendor, eventId)}) before answering 2xx
 * (payments.md §0, §2, §7 #1–#2).
 *
 * @param vendor       the scheme that verified it: {@code "stripe"}, {@code "standard-webhooks"}, {@code "sumsub"}
 * @param eventId      the vendor's event id, stable across retries: the inbox key (Stripe {@code evt_…},
 *                     Standard Webhooks {@code webhook-id}; Sumsub has none, see its adapter)
 * @param eventType    the vendor's event type, verbatim (e.g. {@code payment_intent.succeeded})
 * @param subject      what {@code reference} names
 * @param status       the canonical status ({@link PaymentStatus} or {@link KycStatus})
 * @param vendorStatus the vendor's own status text the mapping used (e.g. {@code succeeded}, {@code RED/RETRY}),
 *                     empty when the event type alone decided
 * @param reference    payment / payout / applicant id at the vendor, when the event has one
 * @param amount       the amount in minor units with its ISO 4217 currency, when the event has one
 * @param occurredAt   when the vendor says the event happened (not when it was delivered)
 * @param attributes   extra vendor fields the hub may match on (Stripe {@code metadata.*}, {@code livemode};
 *                     Sumsub {@code externalUserId}, {@code reviewRejectType}…); unmodifiable
 * @param rawBody      the exact bytes that were verified (copied in and out)
 */
public record VerifiedWebhook(
        String vendor,
        String eventId,
        String eventType,
        WebhookSubject subject,
        CanonicalStatus status,
        String vendorStatus,
        Optional<String> reference,
        Optional<Money> amount,
        Instant occurredAt,
        Map<String, String> attributes,
        byte[] rawBody) implements WebhookOutcome {

    public VerifiedWebhook {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        vendorStatus = vendorStatus == null ? "" : vendorStatus;
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = Map.copyOf(attributes);
        rawBody = rawBody.clone();
    }

    /** A copy of the verified bytes. */
    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedWebhook v
                && vendor.equals(v.vendor) && eventId.equals(v.eventId) && eventType.equals(v.eventType)
                && subject == v.subject && status.equals(v.status) && vendorStatus.equals(v.vendorStatus)
                && reference.equals(v.reference) && amount.equals(v.amount) && occurredAt.equals(v.occurredAt)
                && attributes.equals(v.attributes) && Arrays.equals(rawBody, v.rawBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendor, eventId, eventType, status, Arrays.hashCode(rawBody));
    }

    @Override
    public String toString() {
        return "VerifiedWebhook[" + vendor + " " + eventId + " " + eventType + " → " + status
                + reference.map(r -> " ref=" + r).orElse("") + amount.map(a -> " " + a).orElse("")
                + " at " + occurredAt + ", " + rawBody.length + " bytes]";
    }
}
