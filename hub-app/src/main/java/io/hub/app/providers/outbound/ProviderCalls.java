package io.hub.app.providers.outbound;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.hub.app.providers.ProviderConfig;
import io.hub.contracts.providers.OutboundCall;
import io.hub.contracts.providers.OutboundReply;
import io.hub.routes.ProviderHttpRoute;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every outbound call to a provider goes through here: the {@code provider-http} Camel route (camel-http) with the
 * provider's own connect and read time-outs for the operation ({@link #timeouts}: the settings
 * {@code launchConnectTimeout}, {@code launchReadTimeout}, {@code catalogueConnectTimeout},
 * {@code catalogueReadTimeout}, else the hub-wide {@code camel.component.http.connect-timeout} /
 * {@code response-timeout}), inside Resilience4j guards kept per provider:
 * <ul>
 *   <li>a <b>circuit breaker</b> (count-based window; 5xx, time-outs and transport errors are failures, a 4xx answer
 *       is not); while open, calls fail at once with {@link ProviderCallException.Kind#UNAVAILABLE} and nothing is
 *       sent; after {@code breakerOpenDuration} it turns half-open by itself and lets one probe through. A call that
 *       took longer than the provider's slowest time-out budget (connect + read of its slowest operation) also counts
 *       as <em>slow</em>, and a window of only slow calls opens the breaker too: a studio that dribbles its answer a
 *       few bytes at a time never trips the read time-out (it bounds the silence between reads, not the whole
 *       answer) but is still cut off;</li>
 *   <li>a <b>bulkhead</b> (semaphore, no waiting): at most {@code bulkheadMaxConcurrent} calls in flight;</li>
 *   <li>a <b>retry</b> for idempotent GETs only ({@code retryAttempts}, {@code retryWait}); a launch POST is sent once.</li>
 * </ul>
 * Metrics: timer {@code hub.provider.outbound} (tags {@code provider}, {@code operation}, {@code outcome} = ok |
 * http_&lt;status&gt; | timeout | connect_error | io_error | breaker_open | bulkhead_full) per attempt, with a latency
 * histogram; gauge {@code hub.provider.breaker.state} per provider (0 closed, 1 open, 2 half-open, 3 other).
 */
@Component
public class ProviderCalls {
    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);
    public static final String TIMER = "hub.provider.outbound";
    public static final String BREAKER_GAUGE = "hub.provider.breaker.state";
    private final ProducerTemplate camel;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Guard> guards = new ConcurrentHashMap<>();

    private record Guard(ProviderSettings settings, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
    }

    private final long defaultConnectMs;
    private final long defaultReadMs;

    public ProviderCalls(ProducerTemplate camel, MeterRegistry meters,
                         @Value("${camel.component.http.connect-timeout:2000}") long defaultConnectMs,
                         @Value("${camel.component.http.response-timeout:5000}") long defaultReadMs) {
        this.camel = camel;
        this.meters = meters;
        this.defaultConnectMs = defaultConnectMs;
        this.defaultReadMs = defaultReadMs;
    }

    /** Connect and read time-outs of one operation, in milliseconds, as the calls apply them. */
    public record Timeouts(long connectMs, long readMs) {
    }

    /**
     * The time-outs of the provider's calls of one operation: {@code catalogue} calls take {@code catalogueConnectTimeout}
     * / {@code catalogueReadTimeout}, every other operation (the launch) {@code launchConnectTimeout} /
     * {@code launchReadTimeout}; an unset one takes the hub-wide default.
     */
    public Timeouts timeouts(ProviderConfig p, String operation) {
        return timeouts(ProviderSettings.lenient(p.settings(), p.id()), operation);
    }

    private Timeouts timeouts(ProviderSettings s, String operation) {
        boolean catalogue = CATALOGUE.equals(operation);
        Duration connect = catalogue ? s.catalogueConnectTimeout() : s.launchConnectTimeout();
        Duration read = catalogue ? s.catalogueReadTimeout() : s.launchReadTimeout();
        return new Timeouts(connect == null ? defaultConnectMs : connect.toMillis(), read == null ? defaultReadMs : read.toMillis());
    }

    /** The operation name of game-list calls (their time-outs are the catalogue ones). */
    public static final String CATALOGUE = "catalogue";

    /**
     * Sends one call through the provider's guards.
     *
     * @return the provider's answer with any status below 500 (a 4xx is the provider's refusal, for the caller to read)
     * @throws ProviderCallException UNAVAILABLE (breaker open, bulkhead full), TIMEOUT, or ERROR (5xx after the
     *                               allowed attempts, transport failure)
     */
    public OutboundReply call(ProviderConfig provider, OutboundCall call) {
        Guard g = guard(provider);
        Timeouts t = timeouts(g.settings(), call.operation());
        OutboundCall timed = call.withTimeouts(call.connectTimeoutMs() > 0 ? call.connectTimeoutMs() : t.connectMs(),
                call.readTimeoutMs() > 0 ? call.readTimeoutMs() : t.readMs());
        Supplier<OutboundReply> attempt = () -> attempt(timed);
        Supplier<OutboundReply> guarded = Bulkhead.decorateSupplier(g.bulkhead(), CircuitBreaker.decorateSupplier(g.breaker(), attempt));
        if (call.idempotent()) guarded = Retry.decorateSupplier(g.retry(), guarded);
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            record(call, "breaker_open", 0);
            throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.UNAVAILABLE, false,
                    "provider '" + call.providerId() + "' is unavailable (circuit breaker open); try again later");
        } catch (BulkheadFullException e) {
            record(call, "bulkhead_full", 0);
            throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.UNAVAILABLE, false,
                    "provider '" + call.providerId() + "' is busy (too many calls in flight); try again later");
        }
    }

    /** The provider's circuit breaker state; CLOSED for a provider never called. */
    public CircuitBreaker.State breakerState(String providerId) {
        Guard g = guards.get(providerId);
        return g == null ? CircuitBreaker.State.CLOSED : g.breaker().getState();
    }

    /** Calls to the provider in flight now (held by its bulkhead). */
    public int inFlight(String providerId) {
        Guard g = guards.get(providerId);
        return g == null ? 0 : g.bulkhead().getBulkheadConfig().getMaxConcurrentCalls() - g.bulkhead().getMetrics().getAvailableConcurrentCalls();
    }

    /**
     * What the provider's circuit breaker holds in its window now: {@code {"bufferedCalls","failedCalls","slowCalls",
     * "failureRatePercent","slowCallRatePercent","slowCallThresholdMs"}} (rates -1 until {@code breakerMinCalls} calls
     * were made; empty for a provider never called).
     */
    public Map<String, Object> breakerCalls(String providerId) {
        Guard g = guards.get(providerId);
        Map<String, Object> m = new LinkedHashMap<>();
        if (g == null) return m;
        CircuitBreaker.Metrics metrics = g.breaker().getMetrics();
        m.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
        m.put("failedCalls", metrics.getNumberOfFailedCalls());
        m.put("slowCalls", metrics.getNumberOfSlowCalls());
        m.put("failureRatePercent", metrics.getFailureRate());
        m.put("slowCallRatePercent", metrics.getSlowCallRate());
        m.put("slowCallThresholdMs", g.breaker().getCircuitBreakerConfig().getSlowCallDurationThreshold().toMillis());
        return m;
    }

    /** Whether calls to the provider are currently refused by its open breaker. */
    public boolean breakerOpen(String providerId) {
        CircuitBreaker.State s = breakerState(providerId);
        return s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Builds the guards on first use and rebuilds them (state reset) when the provider's settings changed. */
    Guard guard(ProviderConfig p) {
        ProviderSettings s = ProviderSettings.lenient(p.settings(), p.id());
        Guard g = guards.get(p.id());
        if (g != null && g.settings().equals(s)) return g;
        Guard fresh = new Guard(s, CircuitBreaker.of("provider-" + p.id(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.breakerWindow())
                .minimumNumberOfCalls(s.breakerMinCalls())
                .failureRateThreshold(s.breakerFailureRatePercent())
                .waitDurationInOpenState(s.breakerOpenDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .slowCallDurationThreshold(slowCallThreshold(s))
                .slowCallRateThreshold(100)
                .recordException(e -> e instanceof ProviderCallException)
                .build()),
                Bulkhead.of("provider-" + p.id(), BulkheadConfig.custom().maxConcurrentCalls(s.bulkheadMaxConcurrent())
                        .maxWaitDuration(Duration.ZERO).build()),
                Retry.of("provider-" + p.id(), RetryConfig.custom().maxAttempts(s.retryAttempts())
                        .waitDuration(s.retryWait().isZero() ? Duration.ofMillis(1) : s.retryWait())
                        .retryOnException(e -> e instanceof ProviderCallException pce && pce.retryable())
                        .build()));
        fresh.breaker().getEventPublisher().onStateTransition(ev ->
                log.info("provider {} circuit breaker {}", p.id(), ev.getStateTransition()));
        Guard previous = guards.put(p.id(), fresh);
        if (previous == null) {
            Gauge.builder(BREAKER_GAUGE, guards, m -> stateNumber(m.get(p.id())))
                    .description("circuit breaker of outbound calls to the provider: 0 closed, 1 open, 2 half-open, 3 other")
                    .tag("provider", p.id()).register(meters);
        }
        return fresh;
    }

    /** The longest a call may take within its time-outs: connect + read of the provider's slowest operation. */
    private Duration slowCallThreshold(ProviderSettings s) {
        Timeouts launch = timeouts(s, "launch");
        Timeouts catalogue = timeouts(s, CATALOGUE);
        return Duration.ofMillis(Math.max(launch.connectMs() + launch.readMs(), catalogue.connectMs() + catalogue.readMs()));
    }

    private static double stateNumber(Guard g) {
        if (g == null) return 0;
        switch (g.breaker().getState()) {
            case CLOSED: return 0;
            case OPEN: case FORCED_OPEN: return 1;
            case HALF_OPEN: return 2;
            default: return 3;
        }
    }

    private OutboundReply attempt(OutboundCall call) {
        long start = System.nanoTime();
        String outcome = "io_error";
        try {
            OutboundReply reply = camel.requestBody(ProviderHttpRoute.ENDPOINT, call, OutboundReply.class);
            outcome = reply.status() >= 200 && reply.status() < 300 ? "ok" : "http_" + reply.status();
            if (reply.status() >= 500 || reply.status() < 100) {
                throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.ERROR, true,
                        "provider '" + call.providerId() + "' answered HTTP " + reply.status() + " to " + call.operation());
            }
            return reply;
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause.getCause() != null && !(cause instanceof java.io.IOException)) cause = cause.getCause();
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                outcome = "timeout";
                boolean connect = cause.getClass().getSimpleName().contains("ConnectTimeout");
                throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.TIMEOUT, true, connect
                        ? "provider '" + call.providerId() + "' could not be connected to for " + call.operation() + " within its "
                                + call.connectTimeoutMs() + " ms connect time-out"
                        : "provider '" + call.providerId() + "' did not answer " + call.operation() + " in time (silent for its "
                                + call.readTimeoutMs() + " ms read time-out)");
            }
            outcome = cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause.getClass().getSimpleName().contains("Connect") ? "connect_error" : "io_error";
            throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.ERROR, true,
                    "provider '" + call.providerId() + "' could not be reached for " + call.operation() + " ("
                            + cause.getClass().getSimpleName() + ")");
        } finally {
            record(call, outcome, System.nanoTime() - start);
        }
    }

    private void record(OutboundCall call, String outcome, long nanos) {
        Timer.builder(TIMER).description("outbound calls to providers, per attempt")
                .tag("provider", call.providerId()).tag("operation", call.operation()).tag("outcome", outcome)
                .publishPercentileHistogram().register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }
}
