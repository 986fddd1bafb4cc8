package io.hub.payments.standardwebhooks;

import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookAdapter;
import io.hub.payments.WebhookHeaders;
import java.util.Optional;

/**
 * Standard Webhooks endpoint logic: {@link StandardWebhooksSignatureVerifier} on the raw bytes, then
 * {@link StandardWebhooksMessages#parse}, then {@link StandardWebhooksMapper}. Vendor name
 * {@code "standard-webhooks"}; inbox key = {@code webhook-id}. Thread-safe.
 */
public final class StandardWebhooksAdapter implements WebhookAdapter {
    private final StandardWebhooksSignatureVerifier verifier;

    public StandardWebhooksAdapter(StandardWebhooksSettings settings) {
        this.verifier = new StandardWebhooksSignatureVerifier(settings);
    }

    @Override
    public String vendor() {
        return "standard-webhooks";
    }

    @Override
    public WebhookOutcome receive(WebhookHeaders headers, byte[] rawBody) {
        if (rawBody == null) return WebhookRejected.of(WebhookRejected.Reason.MALFORMED_BODY, "no body");
        Optional<WebhookRejected> rejected = verifier.verify(headers, rawBody);
        if (rejected.isPresent()) return rejected.get();
        String id = headers.first(StandardWebhooksSignatureVerifier.ID).orElseThrow();
        long ts = Long.parseLong(headers.first(StandardWebhooksSignatureVerifier.TIMESTAMP).orElseThrow());
        try {
            return StandardWebhooksMapper.map(id, ts, StandardWebhooksMessages.parse(rawBody), rawBody);
        } catch (MalformedWebhookException e) {
            return e.toRejection();
        }
    }
}
