package io.hub.app.routing;

import io.hub.app.payments.PaymentsProperties;
import io.hub.app.payments.WebhookInbox;
import io.hub.routes.GatewayCallRoute;
import io.hub.routes.PaymentWebhookRoute;
import io.hub.routes.WebhookInboxRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payments routes (issue 4): webhook intake ({@code POST /webhooks/payments/{gatewayId}},
 * {@code POST /webhooks/kyc/{vendorId}}: {@link WebhookHttpController} → the route's {@code direct:} endpoints, on the
 * request thread), the inbox processor timer, and the gateway call over camel-http.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentRoutesConfig {

    @Bean
    PaymentWebhookRoute paymentWebhookRoute(WebhookInbox inbox) {
        return new PaymentWebhookRoute(inbox, PaymentWebhookRoute.PAYMENTS_DIRECT, PaymentWebhookRoute.KYC_DIRECT);
    }

    @Bean
    WebhookInboxRoute webhookInboxRoute(WebhookInbox inbox, PaymentsProperties props) {
        return new WebhookInboxRoute(inbox, props.inbox().periodMs(), props.inbox().batchSize());
    }

    @Bean
    GatewayCallRoute gatewayCallRoute(PaymentsProperties props) {
        return new GatewayCallRoute(props.gatewayCall().connectTimeoutMs(), props.gatewayCall().responseTimeoutMs());
    }
}
