package io.hub.app.providers.wallet;

import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.routes.ProviderWalletCallbackRoute;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP edge of the seamless-wallet callbacks: {@code POST /wallet/{providerId}/{operation…}} for every protocol
 * (Hub88 {@code user/balance}, {@code transaction/bet|win|rollback}; Pragmatic {@code authenticate.html} …
 * {@code endRound.html}; Evolution {@code check|balance|debit|credit|cancel|promo_payout}). No JWT: each protocol
 * authenticates itself (signature, hash or token), verified by the adapter on the raw bytes.
 *
 * <p>The body is read straight from the servlet input stream, never through {@code getParameter} or a message
 * converter (Spring rebuilds form bodies from parsed parameters), so the adapter sees exactly the bytes that were
 * signed; the query string is parsed here by hand for the same reason. Bodies over
 * {@code hub.providers.callback.max-body-bytes} (64 KiB) are cut to that size plus one byte and fail verification.
 * The answer's bytes, status, content type and headers are the adapter's, sent as they are. Every callback is timed
 * as {@code hub.provider.callback} with tags {@code provider}, {@code operation}, {@code outcome} ({@code ok} or the
 * rejection code).
 */
@RestController
public class WalletCallbackController {
    private final ProducerTemplate camel;
    private final ProviderWalletService service;
    private final MeterRegistry meters;
    private final int maxBodyBytes;
    private volatile org.apache.camel.Endpoint endpoint;
    /** The callback timers by provider, operation and outcome (bounded: unknown ids and operations are tagged "unknown"). */
    private final ConcurrentHashMap<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public WalletCallbackController(ProducerTemplate camel, ProviderWalletService service, MeterRegistry meters,
                                    @Value("${hub.providers.callback.max-body-bytes:65536}") int maxBodyBytes) {
        this.camel = camel;
        this.service = service;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping("/wallet/{providerId}/{*operation}")
    public ResponseEntity<byte[]> callback(@PathVariable String providerId, @PathVariable String operation,
                                           HttpServletRequest request) throws IOException {
        Timer.Sample sample = Timer.start(meters);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String n = names.nextElement();
            headers.putIfAbsent(n, request.getHeader(n));
        }
        String op = operation.startsWith("/") ? operation.substring(1) : operation;
        ProviderCallback cb = new ProviderCallback(providerId, op, body, headers, query(request.getQueryString()));
        if (endpoint == null) endpoint = camel.getCamelContext().getEndpoint(ProviderWalletCallbackRoute.ENDPOINT);
        ProviderCallbackAnswer answer = camel.requestBody(endpoint, cb, ProviderCallbackAnswer.class);
        String[] tags = service.metricTags(cb);
        // one registry lookup per tag set, not per callback (the builder + register path hashes and compares the meter id)
        sample.stop(timers.computeIfAbsent(List.of(tags[0], tags[1], answer.outcome()), k -> Timer.builder("hub.provider.callback")
                .description("seamless-wallet callbacks from game providers")
                .tag("provider", k.get(0)).tag("operation", k.get(1)).tag("outcome", k.get(2))
                .publishPercentileHistogram().register(meters)));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(answer.httpStatus()).header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(b::header);
        return b.body(answer.body());
    }

    /** The query string's parameters (first value of each), decoded as UTF-8; never the form body. */
    static Map<String, String> query(String queryString) {
        Map<String, String> out = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) return out;
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed escape: leave the parameter out (the adapter then refuses the call in its protocol)
            }
        }
        return out;
    }
}
