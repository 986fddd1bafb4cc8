package io.hub.app.providers.outbound;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The whole-answer time limit of an outbound provider call (settings {@code launchTimeout} / {@code catalogueTimeout}):
 * the connect and read time-outs of camel-http bound connection set-up and the silence between two reads, so a studio
 * that dribbles its answer a few bytes at a time would hold the call for as long as it likes; this bounds the call as
 * a whole, body included.
 * <p>
 * Neither Apache HttpClient 5 ({@code RequestConfig}: connect, connection-request and response i.e. socket time-outs)
 * nor camel-http ({@code connectTimeout}, {@code responseTimeout}, {@code soTimeout}, {@code connectionRequestTimeout})
 * has a limit for the whole exchange, and a time limiter around the call (Resilience4j {@code TimeLimiter}, the
 * {@code timeout} of Camel's resilience4j EIP) only stops waiting: it interrupts or abandons a thread blocked in a
 * socket read, which an interrupt does not wake, so the read goes on, holding the thread and a pooled connection until
 * the studio finishes or falls silent. Instead the call is <em>aborted</em> with HttpClient's own cancellation: at the
 * deadline the request's {@link Cancellable#cancel()} (documented as callable from another thread) shuts its
 * connection down at once and discards it from the pool, and the calling thread's blocked read fails with an
 * {@code IOException} that {@link ProviderCalls} reports as the deadline. The alarm runs on one Camel-managed
 * scheduler thread (shut down with the Camel context) that only ever cancels requests.
 * <p>
 * How the request is found: this bean is the {@link HttpClientConfigurer} of the {@code provider-http} route's
 * endpoints (endpoint option {@code httpClientConfigurer=#providerCallDeadlines}) and adds an exec interceptor to their
 * HttpClient that hands each request to the {@link Deadline} the calling thread {@link #start started}. That works
 * because a provider call is synchronous end to end: {@code direct:provider-http} and the camel-http producer run in
 * the caller's thread. A request sent on a thread without a deadline (any other use of those endpoints) is left alone.
 */
@Component(ProviderCallDeadlines.BEAN)
public class ProviderCallDeadlines implements HttpClientConfigurer {
    /** The bean's name, as the {@code provider-http} route's endpoints refer to it. */
    public static final String BEAN = "providerCallDeadlines";
    private static final Logger log = LoggerFactory.getLogger(ProviderCallDeadlines.class);
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
    private final ScheduledExecutorService alarms;

    public ProviderCallDeadlines(CamelContext camel) {
        // one thread, an unbounded queue (every call in flight holds one alarm; a cancelled one leaves the queue at once)
        this.alarms = camel.getExecutorServiceManager().newScheduledThreadPool(this, "ProviderCallDeadlines",
                new ThreadPoolProfileBuilder("ProviderCallDeadlines").poolSize(1).maxPoolSize(1).maxQueueSize(-1)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("hub-call-deadline", (request, scope, chain) -> {
            Deadline d = CURRENT.get();
            // scope.originalRequest is camel-http's HttpUriRequestBase: cancelling it aborts this execution
            if (d != null && scope.originalRequest instanceof Cancellable c) d.watch(c);
            return chain.proceed(request, scope);
        });
    }

    /**
     * Starts the deadline of one call that this thread is about to send: {@code timeoutMs} from now, the call's HTTP
     * request is aborted. Close it (try/finally) when the call returned or failed.
     *
     * @param timeoutMs the whole call's time limit, milliseconds (&gt; 0)
     */
    public Deadline start(long timeoutMs) {
        if (timeoutMs <= 0) throw new IllegalArgumentException("timeoutMs must be positive");
        Deadline d = new Deadline(timeoutMs);
        try {
            d.alarm = alarms.schedule(d::expire, timeoutMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the Camel context is stopping: the call goes out bounded by its connect and read time-outs only
            log.debug("no deadline for a provider call: {}", e.getMessage());
        }
        CURRENT.set(d);
        return d;
    }

    /** The whole-answer deadline of one call on the thread that {@link #start started} it. */
    public static final class Deadline implements AutoCloseable {
        private final long timeoutMs;
        private final AtomicReference<Cancellable> request = new AtomicReference<>();
        private volatile boolean expired;
        private volatile boolean closed;
        private volatile ScheduledFuture<?> alarm;

        private Deadline(long timeoutMs) {
            this.timeoutMs = timeoutMs;
        }

        /** The time limit, milliseconds. */
        public long timeoutMs() {
            return timeoutMs;
        }

        /** Whether the time ran out before the call was {@link #close closed} (its request was then aborted). */
        public boolean expired() {
            return expired;
        }

        void watch(Cancellable c) {
            request.set(c);
            if (expired) c.cancel();   // ran out before the request was handed over: abort it before it is sent
        }

        private void expire() {
            if (closed) return;
            expired = true;
            Cancellable c = request.get();
            if (c != null) {
                log.debug("provider call aborted at its {} ms deadline", timeoutMs);
                c.cancel();
            }
        }

        /** Ends the deadline: the alarm is withdrawn (an aborted call stays {@link #expired}). */
        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> a = alarm;
            if (a != null) a.cancel(false);
            request.set(null);
            if (CURRENT.get() == this) CURRENT.remove();
        }
    }
}
