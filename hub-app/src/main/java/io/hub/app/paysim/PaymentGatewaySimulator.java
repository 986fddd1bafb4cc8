package io.hub.app.paysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.standardwebhooks.Webhook;
import io.hub.app.payments.PaymentsProperties;
import io.hub.app.payments.WebhookEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Starts the simulated gateway (WireMock on {@code hub.simulators.payments.port}, 0 = any free port) with the
 * {@code simpay} mappings, and registers its URL for every configured gateway without a {@code base-url}.
 *
 * <p>After the gateway answered 2xx to {@code POST /v1/payments} or {@code POST /v1/payouts}, the listener sends the hub,
 * after {@code hub.simulators.payments.confirm-delay}, a Standard Webhooks delivery signed with the gateway's first
 * secret: {@code payment.succeeded} with {@code data = {"id":"pay_<ref>","amount","currency","status":"succeeded",
 * "metadata":{"depositId":"<ref>"}}}, or {@code payout.paid} with {@code "metadata":{"withdrawalId":"<ref>"}}. The
 * {@code webhook-id} is derived from the reference, so a repeated create call gives a duplicate delivery (a no-op).
 * Amounts whose minor units end in 13 (e.g. {@code 10.13}) are left unconfirmed, for manual tests. A gateway with the
 * {@code stripe} scheme gets the Stripe equivalent instead ({@code payment_intent.succeeded} / {@code payout.paid} with
 * a {@code Stripe-Signature} header); other schemes get no webhook. Each gateway's base URL is
 * {@code <simulator>/<gatewayId>}.
 */
@Component
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class PaymentGatewaySimulator implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(PaymentGatewaySimulator.class);
    private final WireMockServer server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paysim-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Environment env;
    private final PaymentsProperties props;
    private final Duration confirmDelay;

    public PaymentGatewaySimulator(Environment env, PaymentsProperties props, WebhookEndpoints endpoints,
                                   @Value("${hub.simulators.payments.port:0}") int port,
                                   @Value("${hub.simulators.payments.confirm-delay:1s}") Duration confirmDelay) throws IOException {
        this.env = env;
        this.props = props;
        this.confirmDelay = confirmDelay;
        WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1").containerThreads(20)
                .extensions(new Confirmer());
        if (port == 0) options.dynamicPort();
        else options.port(port);
        this.server = new WireMockServer(options);
        server.start();
        int stubs = 0;
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:wiremock/mappings/simpay/*.json")) {
            try (InputStream in = r.getInputStream()) {
                server.addStubMapping(StubMapping.buildFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                stubs++;
            }
        }
        String url = "http://127.0.0.1:" + server.port();
        props.gateways().forEach((id, g) -> {
            if (g.baseUrl().isBlank()) endpoints.useBaseUrlIfUnset(id, url + "/" + id);
        });
        log.info("payment gateway simulator on {} with {} stubs (confirms after {})", url, stubs, confirmDelay);
    }

    /** The simulator's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The underlying WireMock server (tests inspect the requests it received). */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        server.stop();
    }

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("/([a-z0-9-]+)/v1/(payments|payouts)");

    private final class Confirmer implements ServeEventListener {
        @Override
        public String getName() {
            return "hub-paysim-confirmer";
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            int status = event.getResponse().getStatus();
            String url = event.getRequest().getUrl();
            java.util.regex.Matcher m = CALL.matcher(url);
            if (status < 200 || status >= 300 || !m.matches()) return;
            String gatewayId = m.group(1);
            try {
                JsonNode body = json.readTree(event.getRequest().getBodyAsString());
                String reference = body.path("reference").asText();
                long amount = body.path("amount").asLong();
                String currency = body.path("currency").asText();
                if (amount % 100 == 13) return; // left unconfirmed on purpose
                boolean payout = m.group(2).equals("payouts");
                scheduler.schedule(() -> send(gatewayId, payout, reference, amount, currency), confirmDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("simulator could not read {} request", url, e);
            }
        }
    }

    private void send(String gatewayId, boolean payout, String reference, long amount, String currency) {
        String port = env.getProperty("local.server.port");
        PaymentsProperties.Endpoint g = props.gateways().get(gatewayId);
        if (port == null || g == null) return;
        try {
            Delivery d;
            if ("standard-webhooks".equals(g.scheme())) d = standardWebhooks(g.secrets().get(0), payout, reference, amount, currency);
            else if ("stripe".equals(g.scheme())) d = stripe(g.secrets().get(0), payout, reference, amount, currency);
            else return;
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/payments/" + gatewayId))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()));
            d.headers().forEach(req::header);
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            log.info("simulator sent {} for {} to gateway {}: {}", d.type(), reference, gatewayId, r.statusCode());
        } catch (Exception e) {
            log.warn("simulator could not send the webhook for {}", reference, e);
        }
    }

    /** One signed delivery: event type (for the log), headers, body. */
    private record Delivery(String type, Map<String, String> headers, String body) {
    }

    /** Standard Webhooks v1: {@code payment.succeeded} / {@code payout.paid}, signed with the reference library. */
    private Delivery standardWebhooks(String secret, boolean payout, String reference, long amount, String currency) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", (payout ? "po_" : "pay_") + reference);
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("status", payout ? "paid" : "succeeded");
        data.put("metadata", Map.of(payout ? "withdrawalId" : "depositId", reference));
        Map<String, Object> payload = new LinkedHashMap<>();
        String type = payout ? "payout.paid" : "payment.succeeded";
        payload.put("type", type);
        payload.put("timestamp", Instant.now().toString());
        payload.put("data", data);
        String text = json.writeValueAsString(payload);
        String msgId = "msg_sim_" + (payout ? "payout_" : "payment_") + reference;
        long ts = Instant.now().getEpochSecond();
        String signature = new Webhook(secret).sign(msgId, ts, text);
        return new Delivery(type, Map.of("webhook-id", msgId, "webhook-timestamp", Long.toString(ts), "webhook-signature", signature), text);
    }

    /**
     * Stripe: an {@code event} object ({@code payment_intent.succeeded} with a PaymentIntent, or {@code payout.paid}
     * with a Payout; lower-case currency, minor-unit amount, {@code metadata.depositId} / {@code metadata.withdrawalId})
     * with {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over "t.body" keyed with the whole whsec_
     * secret as UTF-8>} (docs.stripe.com/webhooks#verify-manually; payments.md §1.1). The event id is derived from the
     * reference, so a repeated create call gives a duplicate delivery.
     */
    private Delivery stripe(String secret, boolean payout, String reference, long amount, String currency) throws Exception {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", (payout ? "po_" : "pay_") + reference);
        object.put("object", payout ? "payout" : "payment_intent");
        object.put("amount", amount);
        object.put("currency", currency.toLowerCase(java.util.Locale.ROOT));
        object.put("status", payout ? "paid" : "succeeded");
        object.put("metadata", Map.of(payout ? "withdrawalId" : "depositId", reference));
        String type = payout ? "payout.paid" : "payment_intent.succeeded";
        long ts = Instant.now().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sim_" + (payout ? "payout_" : "payment_") + reference);
        event.put("object", "event");
        event.put("type", type);
        event.put("created", ts);
        event.put("livemode", false);
        event.put("data", Map.of("object", object));
        String text = json.writeValueAsString(event);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = java.util.HexFormat.of().formatHex(mac.doFinal((ts + "." + text).getBytes(StandardCharsets.UTF_8)));
        return new Delivery(type, Map.of("Stripe-Signature", "t=" + ts + ",v1=" + v1), text);
    }
}
