package io.hub.routes;

import io.hub.contracts.providers.OutboundCall;
import io.hub.contracts.providers.OutboundReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Every outbound HTTP call to an external provider (game launch, catalogue): {@code direct:provider-http} takes an
 * {@link OutboundCall} and answers an {@link OutboundReply} with whatever status the provider sent (the endpoint never
 * throws on a 4xx/5xx; the caller decides). Transport failures (connect error, connect or read time-out) surface as
 * the exchange's exception. The HTTP component (camel-http) is configured by the application; a call's own connect and
 * read time-outs (per provider and operation) become options of the dynamic endpoint ({@link #timeouts}); the circuit
 * breaker, bulkhead, retries and whole-answer deadline of the caller wrap this route. The route runs in the caller's
 * thread from start to end ({@code direct:} and the camel-http producer are synchronous), which an
 * {@linkplain #ProviderHttpRoute(String) HttpClient configurer} of the caller may rely on.
 */
public class ProviderHttpRoute extends RouteBuilder {
    /** The endpoint callers send {@link OutboundCall}s to. */
    public static final String ENDPOINT = "direct:provider-http";
    static final String TARGET = "hubProviderTarget";
    private final String httpClientConfigurer;

    /** The route with camel-http's own HttpClient set-up. */
    public ProviderHttpRoute() {
        this(null);
    }

    /**
     * @param httpClientConfigurer registry name of a camel-http {@code HttpClientConfigurer} that every provider
     *                             endpoint's HttpClient is built with (endpoint option {@code httpClientConfigurer}), e.g.
     *                             the hub's whole-answer deadline; null for none
     */
    public ProviderHttpRoute(String httpClientConfigurer) {
        if (httpClientConfigurer != null && !httpClientConfigurer.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a bean name: " + httpClientConfigurer);
        }
        this.httpClientConfigurer = httpClientConfigurer;
    }

    @Override
    public void configure() {
        // the caller records every failure (metrics, breaker, provider health): no ERROR log with a stack trace per call
        errorHandler(defaultErrorHandler().logExhausted(false));
        from(ENDPOINT).routeId("provider-http")
                .process(e -> toHttpRequest(e, httpClientConfigurer)).id("to-http-request")
                .toD("${exchangeProperty." + TARGET + "}").id("call-provider")
                .process(ProviderHttpRoute::toReply).id("to-reply");
    }

    static void toHttpRequest(Exchange e) throws org.apache.camel.InvalidPayloadException {
        toHttpRequest(e, null);
    }

    static void toHttpRequest(Exchange e, String httpClientConfigurer) throws org.apache.camel.InvalidPayloadException {
        OutboundCall call = e.getMessage().getMandatoryBody(OutboundCall.class);
        Message m = e.getMessage();
        m.removeHeaders("*");
        String url = call.url();
        int q = url.indexOf('?');
        String target = q < 0 ? url : url.substring(0, q);
        if (q >= 0) m.setHeader(Exchange.HTTP_QUERY, url.substring(q + 1));
        // the provider's answer is returned whatever its status; the caller maps 4xx/5xx
        e.setProperty(TARGET, target + "?throwExceptionOnFailure=false" + timeouts(call)
                + (httpClientConfigurer == null ? "" : "&httpClientConfigurer=#" + httpClientConfigurer));
        m.setHeader(Exchange.HTTP_METHOD, call.method());
        m.setHeader("Accept", "application/json");
        if (call.body() != null) {
            m.setHeader(Exchange.CONTENT_TYPE, call.contentType());
            m.setBody(call.body());
        } else {
            m.setBody(null);
        }
    }

    /**
     * The call's own time-outs as camel-http endpoint options, which take priority over the component's
     * ({@code camel.component.http.*}): {@code connectTimeout} (connection establishment), {@code responseTimeout} and
     * {@code soTimeout} (silence while the answer is awaited or read), in milliseconds. Empty for 0 (the component's).
     */
    static String timeouts(OutboundCall call) {
        StringBuilder sb = new StringBuilder();
        if (call.connectTimeoutMs() > 0) sb.append("&connectTimeout=").append(call.connectTimeoutMs());
        if (call.readTimeoutMs() > 0) {
            sb.append("&responseTimeout=").append(call.readTimeoutMs()).append("&soTimeout=").append(call.readTimeoutMs());
        }
        return sb.toString();
    }

    static void toReply(Exchange e) {
        Message m = e.getMessage();
        Integer status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = m.getBody(String.class);
        m.setBody(new OutboundReply(status == null ? 0 : status, m.getHeader(Exchange.CONTENT_TYPE, String.class), body));
    }
}
