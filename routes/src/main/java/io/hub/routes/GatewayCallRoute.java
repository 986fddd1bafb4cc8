package io.hub.routes;

import io.hub.contracts.payments.GatewayCall;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Calls a payment gateway's HTTP API (camel-http): {@code POST} the JSON body of a {@link GatewayCall} to its URL with
 * its {@code Idempotency-Key} header, and answer a {@link GatewayCall.Response} with the status and body. Non-2xx
 * statuses are answers, not exceptions; connection failures and time-outs propagate as exceptions to the caller, whose
 * Resilience4j circuit breaker and retry decide (the hub's {@code GatewayClient}). No other header is sent.
 *
 * <pre>
 * direct:gateway-call → POST url (Idempotency-Key, Content-Type: application/json) → Response(status, body)
 * </pre>
 */
public class GatewayCallRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:gateway-call";
    private final long connectTimeoutMs;
    private final long responseTimeoutMs;

    public GatewayCallRoute(long connectTimeoutMs, long responseTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("gateway-call")
                .process(e -> {
                    GatewayCall call = e.getMessage().getBody(GatewayCall.class);
                    e.getMessage().getHeaders().clear();
                    e.getMessage().setHeader("hubGatewayUrl", call.url());
                    e.getMessage().setHeader("Idempotency-Key", call.idempotencyKey());
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                    e.getMessage().setBody(call.jsonBody().getBytes(StandardCharsets.UTF_8));
                }).id("to-gateway-request")
                .toD("${header.hubGatewayUrl}?throwExceptionOnFailure=false&connectTimeout=" + connectTimeoutMs
                        + "&responseTimeout=" + responseTimeoutMs + "&bridgeEndpoint=true").id("call-gateway")
                .removeHeader("hubGatewayUrl")
                .process(e -> {
                    Integer status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                    String body = e.getMessage().getBody(String.class);
                    e.getMessage().setBody(new GatewayCall.Response(status == null ? 0 : status, body == null ? "" : body));
                }).id("to-gateway-response");
    }
}
