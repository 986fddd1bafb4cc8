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
 * provider's own time-outs for the operation ({@link #timeouts}): connect and read (the settings
 * {@code launchConnectTimeout}, {@code launchReadTimeout}, {@code catalogueConnectTimeout},
 * {@code catalogueReadTimeout}, else the hub-wide {@code camel.component.http.connect-timeout} /
 * {@code response-timeout}) and a whole-answer deadline ({@code launchTimeout}, {@code catalogueTimeout}, else the
 * hub-wide {@code hub.providers.launch-timeout} / {@code catalogue-timeout}: {@link ProviderCallDeadlines} aborts an
 * attempt still running then, body included, so a studio that dribbles its answer a few bytes at a time, never silent
 * for a read time-out, is cut off too), inside Resilience4j guards kept per provider:
 * <ul>
 *   <li>a <b>circuit breaker</b> (count-based window; 5xx, time-outs, deadlines and transport errors are failures, a
 *       4xx answer is not); while open, calls fail at once with {@link ProviderCallException.Kind#UNAVAILABLE} and
 *       nothing is sent; after {@code breakerOpenDuration} it turns half-open by itself and lets one probe through. A
 *       call that took longer than connect + read of the provider's slowest operation, yet within its deadline, also
 *       counts as <em>slow</em>, and a window of only slow calls opens the breaker too;</li>
 *   <li>a <b>bulkhead</b> (semaphore, no waiting): at most {@code bulkheadMaxConcurrent} calls in flight;</li>
 *   <li>a <b>retry</b> for idempotent GETs only ({@code retryAttempts}, {@code retryWait}); a launch POST is sent once.</li>
 * </ul>
 * Metrics: timer {@code hub.provider.outbound} (tags {@code provider}, {@code operation}, {@code outcome} = ok |
 * http_&lt;status&gt; | timeout (connect or read time-out) | deadline (aborted at the whole-answer deadline) |
 * connect_error | io_error | breaker_open | bulkhead_full) per attempt, with a latency histogram; gauge
 * {@code hub.provider.breaker.state} per provider (0 closed, 1 open, 2 half-open, 3 other).
 */
@Component
public class ProviderCalls {
    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);
    public static final String TIMER = "hub.provider.outbound";
    public static final String BREAKER_GAUGE = "hub.provider.breaker.state";
    private final ProducerTemplate camel;
    private final MeterRegistry meters;
    private final ProviderCallDeadlines deadlines;
    private final ConcurrentHashMap<String, Guard> guards = new ConcurrentHashMap<>();

    private record Guard(ProviderSettings settings, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
    }

    private final long defaultConnectMs;
    private final long defaultReadMs;
    private final long defaultLaunchTotalMs;
    private final long defaultCatalogueTotalMs;

    /**
     * @param defaultLaunchTotal    {@code hub.providers.launch-timeout}: the whole-answer deadline of a launch call for a
     *                              provider without {@code launchTimeout} (default 5 s, at least 0.1 s)
     * @param defaultCatalogueTotal {@code hub.providers.catalogue-timeout}: the same for a game-list call without
     *                              {@code catalogueTimeout} (default 60 s, at least 0.1 s)
     */
    public ProviderCalls(ProducerTemplate camel, MeterRegistry meters, ProviderCallDeadlines deadlines,
                         @Value("${camel.component.http.connect-timeout:2000}") long defaultConnectMs,
                         @Value("${camel.component.http.response-timeout:5000}") long defaultReadMs,
                         @Value("${hub.providers.launch-timeout:5s}") Duration defaultLaunchTotal,
                         @Value("${hub.providers.catalogue-timeout:60s}") Duration defaultCatalogueTotal) {
        this.camel = camel;
        this.meters = meters;
        this.deadlines = deadlines;
        this.defaultConnectMs = defaultConnectMs;
        this.defaultReadMs = defaultReadMs;
        this.defaultLaunchTotalMs = atLeastMinimum("hub.providers.launch-timeout", defaultLaunchTotal);
        this.defaultCatalogueTotalMs = atLeastMinimum("hub.providers.catalogue-timeout", defaultCatalogueTotal);
    }

    private static long atLeastMinimum(String key, Duration d) {
        if (d == null || d.compareTo(ProviderSettings.MIN_TIMEOUT) < 0) {
            throw new IllegalArgumentException(key + " must be at least " + ProviderSettings.MIN_TIMEOUT + ", was " + d);
        }
        return d.toMillis();
    }

    /**
     * The time-outs of one operation, in milliseconds, as the calls apply them.
     *
     * @param connectMs connection establishment
     * @param readMs    silence while the answer is awaited or read (between two reads)
     * @param totalMs   the whole attempt, from its start to the answer's last byte (the deadline)
     */
    public record Timeouts(long connectMs, long readMs, long totalMs) {
    }

    /**
     * The time-outs of the provider's calls of one operation: {@code catalogue} calls take {@code catalogueConnectTimeout}
     * / {@code catalogueReadTimeout} / {@code catalogueTimeout}, every other operation (the launch)
     * {@code launchConnectTimeout} / {@code launchReadTimeout} / {@code launchTimeout}; an unset one takes the hub-wide
     * default.
     */
    public Timeouts timeouts(ProviderConfig p, String operation) {
        return timeouts(ProviderSettings.lenient(p.settings(), p.id()), operation);
    }

    private Timeouts timeouts(ProviderSettings s, String operation) {
        boolean catalogue = CATALOGUE.equals(operation);
        Duration connect = catalogue ? s.catalogueConnectTimeout() : s.launchConnectTimeout();
        Duration read = catalogue ? s.catalogueReadTimeout() : s.launchReadTimeout();
        Duration total = catalogue ? s.catalogueTimeout() : s.launchTimeout();
        return new Timeouts(connect == null ? defaultConnectMs : connect.toMillis(), read == null ? defaultReadMs : read.toMillis(),
                total != null ? total.toMillis() : catalogue ? defaultCatalogueTotalMs : defaultLaunchTotalMs);
    }

    /** The operation name of game-list calls (their time-outs are the catalogue ones). */
    public static final String CATALOGUE = "catalogue";

    /**
     * Sends one call through the provider's guards.
     *
     * @return the provider's answer with any status below 500 (a 4xx is the provider's refusal, for the caller to read)
     * @throws ProviderCallException UNAVAILABLE (breaker open, bulkhead full), TIMEOUT (connect or read time-out, or the
     *                               whole-answer deadline: the attempt was aborted), or ERROR (5xx after the allowed
     *                               attempts, transport failure)
     */
    public OutboundReply call(ProviderConfig provider, OutboundCall call) {
        Guard g = guard(provider);
        Timeouts t = timeouts(g.settings(), call.operation());
        OutboundCall timed = call.withTimeouts(call.connectTimeoutMs() > 0 ? call.connectTimeoutMs() : t.connectMs(),
                call.readTimeoutMs() > 0 ? call.readTimeoutMs() : t.readMs());
        Supplier<OutboundReply> attempt = () -> attempt(timed, t.totalMs());
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

    /**
     * What counts as a slow call: longer than connect + read of the provider's slowest operation (a call is cut off at
     * its deadline, a failure; a slow one got its answer within it).
     */
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

    /** One attempt, aborted at {@code totalMs} (the deadline) if still running. */
    private OutboundReply attempt(OutboundCall call, long totalMs) {
        long start = System.nanoTime();
        String outcome = "io_error";
        ProviderCallDeadlines.Deadline deadline = deadlines.start(totalMs);
        try {
            OutboundReply reply = camel.requestBody(ProviderHttpRoute.ENDPOINT, call, OutboundReply.class);
            outcome = reply.status() >= 200 && reply.status() < 300 ? "ok" : "http_" + reply.status();
            if (reply.status() >= 500 || reply.status() < 100) {
                throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.ERROR, true,
                        "provider '" + call.providerId() + "' answered HTTP " + reply.status() + " to " + call.operation());
            }
            return reply;
        } catch (CamelExecutionException e) {
            if (deadline.expired()) {
                // aborted at the deadline: whatever the blocked read then threw (socket closed, request aborted)
                outcome = "deadline";
                throw new ProviderCallException(call.providerId(), ProviderCallException.Kind.TIMEOUT, true,
                        "provider '" + call.providerId() + "' did not answer " + call.operation() + " in time (the whole answer"
                                + " took longer than its " + totalMs + " ms time-out)");
            }
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
            deadline.close();
            record(call, outcome, System.nanoTime() - start);
        }
    }

    private void record(OutboundCall call, String outcome, long nanos) {
        Timer.builder(TIMER).description("outbound calls to providers, per attempt")
                .tag("provider", call.providerId()).tag("operation", call.operation()).tag("outcome", outcome)
                .publishPercentileHistogram().register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }
}
