package io.hub.routes;

import io.hub.contracts.payments.WebhookIntakePort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Webhook intake (payments.md §0, §2): {@code POST /webhooks/payments/{gatewayId}} and {@code POST /webhooks/kyc/{vendorId}}.
 * The body is taken as the exact bytes received and handed with the headers to {@link WebhookIntakePort#receive},
 * which verifies the signature before any parsing, stores the event in the inbox and answers at once; processing
 * happens later ({@link WebhookInboxRoute}). The answer carries only {@code Content-Type}: no request header is
 * echoed back.
 *
 * <pre>
 * payments consumer (e.g. platform-http:/webhooks/payments/{gatewayId}) → receive(payments, gatewayId, headers, bytes) → status + JSON
 * kyc consumer      (e.g. platform-http:/webhooks/kyc/{vendorId})       → receive(kyc, vendorId, headers, bytes)       → status + JSON
 * </pre>
 * The hub consumes from {@link #PAYMENTS_DIRECT} and {@link #KYC_DIRECT} behind its own Spring MVC controller, which
 * saves platform-http's executor hop and asynchronous dispatch per delivery; the one-argument constructor keeps the
 * platform-http consumers.
 */
public class PaymentWebhookRoute extends RouteBuilder {
    /** The path parameter header both consumers set. */
    public static final String PAYMENTS_URI = "platform-http:/webhooks/payments/{endpointId}?httpMethodRestrict=POST";
    public static final String KYC_URI = "platform-http:/webhooks/kyc/{endpointId}?httpMethodRestrict=POST";
    /**
     * In-process consumers for an HTTP edge of the application's own (the hub's {@code WebhookHttpController}): the
     * caller sets the body to the exact bytes, the HTTP headers, and {@link #ENDPOINT_ID}; the route answers on the
     * caller's thread.
     */
    public static final String PAYMENTS_DIRECT = "direct:payment-webhook";
    public static final String KYC_DIRECT = "direct:kyc-webhook";
    /** The header carrying the path's gateway or vendor id. */
    public static final String ENDPOINT_ID = "endpointId";
    private final WebhookIntakePort intake;
    private final String paymentsUri;
    private final String kycUri;

    public PaymentWebhookRoute(WebhookIntakePort intake) {
        this(intake, PAYMENTS_URI, KYC_URI);
    }

    /** With other consumer URIs (route tests use {@code direct:} endpoints and set the {@code endpointId} header). */
    public PaymentWebhookRoute(WebhookIntakePort intake, String paymentsUri, String kycUri) {
        this.intake = intake;
        this.paymentsUri = paymentsUri;
        this.kycUri = kycUri;
    }

    @Override
    public void configure() {
        from(paymentsUri).routeId("payment-webhook")
                .process(e -> receive(e, WebhookIntakePort.PAYMENTS)).id("verify-and-store-payment-event");
        from(kycUri).routeId("kyc-webhook")
                .process(e -> receive(e, WebhookIntakePort.KYC)).id("verify-and-store-kyc-event");
    }

    void receive(Exchange e, String channel) {
        Message in = e.getMessage();
        byte[] raw = in.getBody(byte[].class);
        Map<String, Object> headers = new LinkedHashMap<>(in.getHeaders());
        String endpointId = in.getHeader(ENDPOINT_ID, String.class);
        WebhookIntakePort.Answer answer;
        try {
            answer = intake.receive(channel, endpointId == null ? "" : endpointId, headers, raw == null ? new byte[0] : raw);
        } catch (RuntimeException ex) {
            // the inbox write failed: 503 so the sender retries later (payments.md §2 item 2: 5xx only for this)
            log.error("webhook intake failed for {}/{}", channel, endpointId, ex);
            answer = new WebhookIntakePort.Answer(503, "{\"error\":\"UNAVAILABLE\",\"message\":\"the event could not be stored; retry\"}");
        }
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(answer.body());
    }
}
