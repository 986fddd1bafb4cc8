package io.hub.app.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.hub.contracts.money.Money;
import io.hub.contracts.payments.GatewayCall;
import io.hub.routes.GatewayCallRoute;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls a gateway's API through the {@code gateway-call} route (camel-http), one Resilience4j circuit breaker per
 * gateway, a bounded number of attempts per call with the same {@code Idempotency-Key} (the hub's deposit or withdrawal
 * id, so a retry never creates a second payment or payout).
 *
 * <p>The gateway API (the hub's simulated gateway, {@code wiremock/mappings/simpay}): {@code POST {base}/v1/payments}
 * and {@code POST {base}/v1/payouts} with {@code {"reference","amount","currency"}} (amount in minor units) → 2xx
 * {@code {"id","status","redirectUrl"?}}; 4xx = declined; 5xx, time-outs and connection failures = unavailable
 * (outcome unknown: the caller keeps the record and resumes it later with the same key).
 */
@Component
public class GatewayClient {
    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);
    private final ProducerTemplate camel;
    private final WebhookEndpoints endpoints;
    private final PaymentsProperties props;
    private final ObjectMapper json;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    public GatewayClient(ProducerTemplate camel, WebhookEndpoints endpoints, PaymentsProperties props, ObjectMapper json) {
        this.camel = camel;
        this.endpoints = endpoints;
        this.props = props;
        this.json = json;
    }

    /** The outcome of a call. */
    public sealed interface Result permits Accepted, Declined, Unavailable {
    }

    /** 2xx: the gateway's id of the payment / payout, and the checkout URL of a payment. */
    public record Accepted(String id, Optional<String> redirectUrl) implements Result {
    }

    /** 4xx: the gateway refused the request for good. */
    public record Declined(int status, String body) implements Result {
    }

    /** Unknown outcome (5xx, time-out, connection failure, circuit open, no base URL): resume later with the same key. */
    public record Unavailable(String reason) implements Result {
    }

    public Result createPayment(String gatewayId, UUID depositId, Money amount) {
        return call(gatewayId, "/v1/payments", depositId, amount);
    }

    public Result createPayout(String gatewayId, UUID withdrawalId, Money amount) {
        return call(gatewayId, "/v1/payouts", withdrawalId, amount);
    }

    private Result call(String gatewayId, String path, UUID reference, Money amount) {
        Optional<String> base = endpoints.baseUrl(gatewayId);
        if (base.isEmpty()) return new Unavailable("gateway " + gatewayId + " has no API base URL");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference.toString());
        body.put("amount", amount.amountMinor());
        body.put("currency", amount.currency().code());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        GatewayCall call = new GatewayCall(base.get() + path, reference.toString(), text);
        CircuitBreaker breaker = breakers.computeIfAbsent(gatewayId, id -> CircuitBreaker.of("gateway-" + id, CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10) // opens at the default 50 % failure rate
                .waitDurationInOpenState(Duration.ofSeconds(10)).build()));
        // attempts with the same idempotency key, 100 ms then 200 ms ... apart; an open breaker is not retried
        Retry retry = retries.computeIfAbsent(gatewayId, id -> {
            Retry r = Retry.of("gateway-" + id, RetryConfig.custom()
                    .maxAttempts(props.gatewayCall().attempts())
                    .intervalFunction(IntervalFunction.of(Duration.ofMillis(100), wait -> wait + 100))
                    .retryOnException(e -> !(e instanceof CallNotPermittedException))
                    .build());
            r.getEventPublisher().onRetry(e -> log.warn("gateway {} attempt {} failed: {}", id, e.getNumberOfRetryAttempts(),
                    describe(e.getLastThrowable())));
            return r;
        });
        try {
            return retry.executeCallable(() -> {
                GatewayCall.Response r = breaker.executeSupplier(() -> {
                    GatewayCall.Response resp = camel.requestBody(GatewayCallRoute.ENDPOINT, call, GatewayCall.Response.class);
                    if (resp.status() >= 500 || resp.status() < 200) throw new GatewayServerError(resp.status());
                    return resp;
                });
                if (r.status() >= 300) return new Declined(r.status(), r.body());
                JsonNode j = json.readTree(r.body());
                String id = j.path("id").asText("");
                if (id.isEmpty()) return new Unavailable("gateway answer without an id");
                String redirect = j.path("redirectUrl").asText("");
                return new Accepted(id, redirect.isEmpty() ? Optional.empty() : Optional.of(redirect));
            });
        } catch (CallNotPermittedException e) {
            return new Unavailable("circuit breaker of gateway " + gatewayId + " is open");
        } catch (Exception e) {
            String last = describe(e);
            log.warn("gateway {} {} failed after {} attempt(s): {}", gatewayId, path, props.gatewayCall().attempts(), last);
            return new Unavailable(last);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static final class GatewayServerError extends RuntimeException {
        GatewayServerError(int status) {
            super("gateway answered " + status, null, false, false);
        }
    }
}
