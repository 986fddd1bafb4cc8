package io.hub.payments.sumsub;

import io.hub.contracts.payments.WebhookOutcome;
import io.hub.contracts.payments.WebhookRejected;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookAdapter;
import io.hub.payments.WebhookHeaders;
import java.util.Optional;

/**
 * Sumsub KYC webhook endpoint logic: {@link SumsubSignatureVerifier} on the raw bytes, then
 * {@link SumsubMessages#parse}, then {@link SumsubMapper}. Vendor name {@code "sumsub"}. Thread-safe.
 */
public final class SumsubWebhookAdapter implements WebhookAdapter {
    private final SumsubSignatureVerifier verifier;

    public SumsubWebhookAdapter(SumsubSettings settings) {
        this.verifier = new SumsubSignatureVerifier(settings);
    }

    @Override
    public String vendor() {
        return "sumsub";
    }

    @Override
    public WebhookOutcome receive(WebhookHeaders headers, byte[] rawBody) {
        if (rawBody == null) return WebhookRejected.of(WebhookRejected.Reason.MALFORMED_BODY, "no body");
        Optional<WebhookRejected> rejected = verifier.verify(headers, rawBody);
        if (rejected.isPresent()) return rejected.get();
        try {
            return SumsubMapper.map(SumsubMessages.parse(rawBody), rawBody);
        } catch (MalformedWebhookException e) {
            return e.toRejection();
        }
    }
}
