package io.hub.app.routing;

import io.hub.routes.PaymentWebhookRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP edge of the webhook intake routes: {@code POST /webhooks/payments/{gatewayId}} and
 * {@code POST /webhooks/kyc/{vendorId}} (payments.md §0, §2), handed to {@link PaymentWebhookRoute} over its
 * {@code direct:} endpoints on the request thread.
 *
 * <p>Why not camel-platform-http: its Spring Boot consumer runs every exchange on a separate executor and answers
 * through an asynchronous servlet dispatch (a thread hop per delivery, and the whole filter chain a second time), which
 * the webhook benchmark showed as the limit of the intake. Here the request thread reads the body, the route verifies
 * and stores, and the answer goes back on the same thread; what the route sees is the same as before.
 *
 * <p>Exchange in: body = the exact bytes received (read from the servlet input stream, never through a message
 * converter or {@code getParameter}, so verification sees the signed bytes); headers = every HTTP request header
 * (a {@code String}, or a {@code List<String>} when repeated) plus {@code endpointId} = the path's id. Answer: the
 * route's {@code CamelHttpResponseCode} and JSON body, {@code Content-Type: application/json}. A body larger than
 * {@code hub.webhooks.max-body-bytes} (256 KiB; vendor events are a few KiB) is answered 413 {@code PAYLOAD_TOO_LARGE}
 * without being read whole, verified or stored. A failure inside Camel
 * itself (not the intake, which the route answers with 503) is answered 503 too, so the sender retries.
 */
@RestController
public class WebhookHttpController {
    private static final Logger log = LoggerFactory.getLogger(WebhookHttpController.class);
    private final ProducerTemplate camel;
    private volatile Endpoint payments;
    private volatile Endpoint kyc;

    private final int maxBodyBytes;

    public WebhookHttpController(ProducerTemplate camel, @Value("${hub.webhooks.max-body-bytes:262144}") int maxBodyBytes) {
        this.camel = camel;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping("/webhooks/payments/{endpointId}")
    public ResponseEntity<String> payments(@PathVariable String endpointId, HttpServletRequest request) throws IOException {
        if (payments == null) payments = camel.getCamelContext().getEndpoint(PaymentWebhookRoute.PAYMENTS_DIRECT);
        return deliver(payments, endpointId, request);
    }

    @PostMapping("/webhooks/kyc/{endpointId}")
    public ResponseEntity<String> kyc(@PathVariable String endpointId, HttpServletRequest request) throws IOException {
        if (kyc == null) kyc = camel.getCamelContext().getEndpoint(PaymentWebhookRoute.KYC_DIRECT);
        return deliver(kyc, endpointId, request);
    }

    private ResponseEntity<String> deliver(Endpoint endpoint, String endpointId, HttpServletRequest request) throws IOException {
        // a body larger than any vendor event is refused before it is read whole (and before any verification work)
        if (request.getContentLengthLong() > maxBodyBytes) return tooLarge();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) return tooLarge();
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        Message m = exchange.getMessage();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            String first = values.hasMoreElements() ? values.nextElement() : null;
            if (first == null) continue;
            if (!values.hasMoreElements()) {
                m.setHeader(name, first);
            } else {
                List<String> all = new ArrayList<>();
                all.add(first);
                while (values.hasMoreElements()) all.add(values.nextElement());
                m.setHeader(name, all);
            }
        }
        m.setHeader(PaymentWebhookRoute.ENDPOINT_ID, endpointId);
        m.setBody(body);
        Exchange done = camel.send(endpoint, exchange);
        Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (done.getException() != null || status == null) {
            log.error("webhook route failed for {}", endpointId, done.getException());
            return json(503, "{\"error\":\"UNAVAILABLE\",\"message\":\"the event could not be stored; retry\"}");
        }
        return json(status, done.getMessage().getBody(String.class));
    }

    private ResponseEntity<String> tooLarge() {
        return json(413, "{\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"the body is larger than " + maxBodyBytes
                + " bytes; nothing was stored\"}");
    }

    private static ResponseEntity<String> json(int status, String body) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "application/json").body(body);
    }
}
