package io.hub.app.payments;

import io.hub.contracts.payments.WebhookIntakePort;
import io.hub.payments.WebhookAdapter;
import io.hub.payments.standardwebhooks.StandardWebhooksAdapter;
import io.hub.payments.standardwebhooks.StandardWebhooksSettings;
import io.hub.payments.stripe.StripeSettings;
import io.hub.payments.stripe.StripeWebhookAdapter;
import io.hub.payments.sumsub.SumsubSettings;
import io.hub.payments.sumsub.SumsubWebhookAdapter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The configured webhook endpoints, each with its verifying adapter from {@code payment-adapters} (built once at
 * start-up: a bad secret fails the start), and the gateways' API base URLs.
 */
@Component
public class WebhookEndpoints {
    private final Map<String, WebhookAdapter> payments = new HashMap<>();
    private final Map<String, WebhookAdapter> kyc = new HashMap<>();
    private final Map<String, String> baseUrls = new ConcurrentHashMap<>();
    private final PaymentsProperties props;

    public WebhookEndpoints(PaymentsProperties props) {
        this.props = props;
        props.gateways().forEach((id, e) -> {
            payments.put(id, adapter(id, e, props));
            if (!e.baseUrl().isBlank()) baseUrls.put(id, e.baseUrl());
        });
        props.kycVendors().forEach((id, e) -> kyc.put(id, adapter(id, e, props)));
    }

    static WebhookAdapter adapter(String id, PaymentsProperties.Endpoint e, PaymentsProperties props) {
        return switch (e.scheme()) {
            case "stripe" -> new StripeWebhookAdapter(new StripeSettings(e.secrets(), props.tolerance(), Clock.systemUTC()));
            case "standard-webhooks" -> new StandardWebhooksAdapter(new StandardWebhooksSettings(e.secrets(), props.tolerance(), Clock.systemUTC()));
            case "sumsub" -> new SumsubWebhookAdapter(new SumsubSettings(e.secrets()));
            default -> throw new IllegalArgumentException("endpoint " + id + ": unknown webhook scheme " + e.scheme());
        };
    }

    /** The adapter of a channel's endpoint, empty when the id is not configured. */
    public Optional<WebhookAdapter> adapter(String channel, String endpointId) {
        return Optional.ofNullable(WebhookIntakePort.KYC.equals(channel) ? kyc.get(endpointId) : payments.get(endpointId));
    }

    public boolean isGateway(String id) {
        return payments.containsKey(id);
    }

    public PaymentsProperties.Endpoint gateway(String id) {
        return props.gateways().get(id);
    }

    /** The gateway's API base URL, empty until configured or registered by a simulator. */
    public Optional<String> baseUrl(String gatewayId) {
        return Optional.ofNullable(baseUrls.get(gatewayId));
    }

    /** Used by the in-process simulator of the default run for gateways without a configured base URL. */
    public void useBaseUrlIfUnset(String gatewayId, String url) {
        baseUrls.putIfAbsent(gatewayId, url);
    }
}
