package io.hub.payments.stripe;

import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookAdapter;
import io.hub.payments.WebhookHeaders;
import java.util.Optional;

/**
 * Stripe webhook endpoint logic: {@link StripeSignatureVerifier} on the raw bytes, then
 * {@link StripeMessages#parse}, then {@link StripeMapper}. The body is never parsed when verification fails.
 * Vendor name {@code "stripe"}; inbox key = the event id {@code evt_…}. Thread-safe.
 */
public final class StripeWebhookAdapter implements WebhookAdapter {
    private final StripeSignatureVerifier verifier;

    public StripeWebhookAdapter(StripeSettings settings) {
        this.verifier = new StripeSignatureVerifier(settings);
    }

    @Override
    public String vendor() {
        return "stripe";
    }

    @Override
    public WebhookOutcome receive(WebhookHeaders headers, byte[] rawBody) {
        if (rawBody == null) return WebhookRejected.of(WebhookRejected.Reason.MALFORMED_BODY, "no body");
        Optional<WebhookRejected> rejected = verifier.verify(headers, rawBody);
        if (rejected.isPresent()) return rejected.get();
        try {
            return StripeMapper.map(StripeMessages.parse(rawBody), rawBody);
        } catch (MalformedWebhookException e) {
            return e.toRejection();
        }
    }
}
