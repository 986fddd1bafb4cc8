package io.hub.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.PaymentStatus;
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
 * {@link StripeMessages.Event} → {@link VerifiedWebhook} using {@link StripeStatusTable}.
 *
 * <ul>
 *   <li>reference: the PaymentIntent id for payments, and for refunds / disputes when the object names its
 *       {@code payment_intent}, else its {@code charge}, else the object's own id; the payout id for payouts</li>
 *   <li>amount: {@code amount} (for {@code charge.refunded}: {@code amount_refunded}) in minor units with the
 *       upper-cased {@code currency}; absent when the object has no amount; for listed types an amount that
 *       is not a non-negative integer or an unknown currency is INVALID_AMOUNT. Unknown types carry no amount.</li>
 *   <li>occurredAt: the event's {@code created}</li>
 *   <li>attributes: {@code livemode}, {@code object}, {@code charge}, {@code metadata.<key>}; for REFUND events also
 *       {@link RefundAmount#ATTRIBUTE} and, for a Refund object, {@link RefundAmount#REFUND_ID} (below)</li>
 * </ul>
 *
 * <p>Refund amounts, cumulative or incremental by event type (the hub adds them up accordingly, payments.md §5.2):
 * {@code charge.refunded} carries the Charge, whose {@code amount_refunded} is the charge's <em>total</em> refunded so
 * far, "can be less than the amount attribute on the charge if a partial refund was issued"
 * (https://docs.stripe.com/api/charges/object#charge_object-amount_refunded): {@code cumulative}. {@code refund.created},
 * {@code refund.updated}, {@code charge.refund.updated} and {@code refund.failed} carry a Refund object, whose
 * {@code amount} is that one refund's (https://docs.stripe.com/api/refunds/object#refund_object-amount):
 * {@code incremental}, with {@code refundId} = the Refund's {@code re_…} id (a refund is reported by several events:
 * created, then updated to succeeded).
 */
public final class StripeMapper {
    private StripeMapper() {
    }

    /** Maps a parsed event; {@code rawBody} is the verified body kept in the result. */
    public static VerifiedWebhook map(StripeMessages.Event event, byte[] rawBody) {
        StripeStatusTable.Rule rule = StripeStatusTable.ruleFor(event.type());
        Optional<StripeMessages.DataObject> object = event.object();
        Optional<String> objectStatus = object.flatMap(StripeMessages.DataObject::status);
        PaymentStatus status = rule.statusFor(objectStatus);
        boolean known = StripeStatusTable.supports(event.type());

        Optional<String> reference = object.flatMap(o -> reference(rule.subject(), o));
        Optional<Money> amount = known ? object.flatMap(o -> amount(event.type(), o)) : Optional.empty();

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("livemode", Boolean.toString(event.livemode()));
        object.ifPresent(o -> {
            if (!o.objectType().isEmpty()) attributes.put("object", o.objectType());
            o.charge().ifPresent(c -> attributes.put("charge", c));
            o.metadata().forEach((k, v) -> attributes.put("metadata." + k, v));
            if (rule.subject() == WebhookSubject.REFUND) {
                boolean cumulative = event.type().equals("charge.refunded");
                attributes.put(RefundAmount.ATTRIBUTE, (cumulative ? RefundAmount.CUMULATIVE : RefundAmount.INCREMENTAL).attributeValue());
                if (!cumulative) o.id().ifPresent(id -> attributes.put(RefundAmount.REFUND_ID, id));
            }
        });
        return new VerifiedWebhook("stripe", event.id(), event.type(), rule.subject(), status,
                objectStatus.orElse(""),
                reference, amount, Instant.ofEpochSecond(event.created()), attributes, rawBody);
    }

    private static Optional<String> reference(WebhookSubject subject, StripeMessages.DataObject o) {
        return switch (subject) {
            case REFUND, DISPUTE -> o.paymentIntent().or(o::charge).or(o::id);
            default -> o.id();
        };
    }

    private static Optional<Money> amount(String type, StripeMessages.DataObject o) {
        String field = type.equals("charge.refunded") ? "amount_refunded" : "amount";
        JsonNode amount = o.node().get(field);
        if (amount == null || amount.isNull()) return Optional.empty();
        String currency = WebhookJson.optText(o.node(), "currency")
                .orElseThrow(() -> MalformedWebhookException.amount("amount without currency"));
        return Optional.of(WebhookJson.minorUnits(amount, currency));
    }
}
