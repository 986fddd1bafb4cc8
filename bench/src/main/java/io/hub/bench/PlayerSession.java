package io.hub.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One player's lobby WebSocket and its spin loop.
 *
 * <p>Open loop with at most one spin in flight: spin {@code k} is due at {@link SpinSchedule#intendedNanos}. If nothing is in
 * flight when it is due, a timer sends it then. If the previous reply is still pending, the spin is counted as
 * <em>delayed</em> and sent as soon as that reply (or its timeout) arrives. Either way its latency is measured from the time
 * it was due, so a slow hub cannot hide behind the load generator waiting for it (coordinated omission).
 *
 * <p>All state is guarded by {@code this}; callbacks come from the WebSocket executor, the timer and the timeout sweeper.
 */
final class PlayerSession implements WebSocket.Listener {

    /** Shared by all sessions of one run. */
    static final class RunContext {
        final BenchStats stats;
        final ScheduledExecutorService timer;
        final ObjectMapper json;
        final String requestPrefix;
        final long replyTimeoutNanos;
        volatile String gameId;
        volatile String bet;
        volatile SpinSchedule schedule;
        /** {@link System#nanoTime()} at schedule time 0. */
        volatile long t0;
        volatile boolean stopSending;
        volatile boolean closingByBench;

        RunContext(BenchStats stats, ScheduledExecutorService timer, ObjectMapper json, String requestPrefix,
                long replyTimeoutNanos) {
            this.stats = stats;
            this.timer = timer;
            this.json = json;
            this.requestPrefix = requestPrefix;
            this.replyTimeoutNanos = replyTimeoutNanos;
        }

        void begin(SpinSchedule schedule, long t0, String gameId, String bet) {
            this.gameId = gameId;
            this.bet = bet;
            this.t0 = t0;
            this.schedule = schedule;
        }

        String spinMessage(String requestId) {
            ObjectNode n = json.createObjectNode();
            n.put("action", "spin");
            n.put("gameId", gameId);
            n.put("bet", bet);
            n.put("requestId", requestId);
            return n.toString();
        }
    }

    private record InFlight(String requestId, long intendedAbs, long sentAbs, boolean measured) {
    }

    private final RunContext ctx;
    final String username;

    // guarded by this
    private WebSocket ws;
    private CompletableFuture<WebSocket> sendChain;
    private int slot = -1;
    private SpinPacer pacer;
    private boolean closed;
    private InFlight inFlight;
    private ScheduledFuture<?> timerTask;

    // only touched by onText, which the WebSocket calls sequentially
    private final StringBuilder partial = new StringBuilder();

    PlayerSession(RunContext ctx, String username) {
        this.ctx = ctx;
        this.username = username;
    }

    synchronized void attach(WebSocket webSocket) {
        this.ws = webSocket;
        this.sendChain = CompletableFuture.completedFuture(webSocket);
    }

    /** Starts spinning as schedule slot {@code slot}; the context must have been {@link RunContext#begin begun}. */
    synchronized void start(int slot) {
        this.slot = slot;
        this.pacer = new SpinPacer(ctx.schedule, slot);
        pump(System.nanoTime(), false);
    }

    // ---- WebSocket.Listener ----

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        if (!last) {
            partial.append(data);
        } else {
            String text;
            if (partial.length() == 0) {
                text = data.toString();
            } else {
                text = partial.append(data).toString();
                partial.setLength(0);
            }
            handleFrame(text, now);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        socketGone("close " + statusCode + (reason == null || reason.isBlank() ? "" : " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        socketGone("error " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + HubClient.abbreviate(error.getMessage(), 120)));
    }

    // ---- frames ----

    void handleFrame(String text, long now) {
        BenchStats stats = ctx.stats;
        JsonNode node;
        try {
            node = ctx.json.readTree(text);
        } catch (Exception e) {
            stats.unparsableFrames.increment();
            return;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "balance" -> stats.balanceFrames.increment();
            case "spinResult", "error" -> onReply(type, node, now);
            default -> stats.otherFrames.increment();
        }
    }

    private synchronized void onReply(String type, JsonNode node, long now) {
        BenchStats stats = ctx.stats;
        String requestId = node.path("requestId").asText(null);
        boolean isError = type.equals("error");
        String code = isError ? node.path("code").asText("") : null;
        if (inFlight == null || requestId == null || !inFlight.requestId().equals(requestId)) {
            stats.lateOrUnmatched(isError ? "error " + (code.isEmpty() ? "(no code)" : code) : type);
            return;
        }
        InFlight f = inFlight;
        inFlight = null;
        if (ctx.schedule.inWindow(now - ctx.t0)) {
            stats.repliesInWindow.increment();
            if (!isError) {
                stats.spinResultsInWindow.increment();
            }
        }
        if (f.measured()) {
            if (isError) {
                stats.error(code);
            } else {
                stats.spinResults.increment();
                BenchStats.recordNanos(stats.responseTime, now - f.intendedAbs());
                BenchStats.recordNanos(stats.serviceTime, now - f.sentAbs());
            }
        } else if (isError) {
            stats.warmupErrors.increment();
        } else {
            stats.warmupSpinResults.increment();
        }
        pump(now, true);
    }

    /** Called periodically by the sweeper: frees the slot of a spin that got no reply in time. */
    synchronized void checkTimeout(long now) {
        if (inFlight != null && now - inFlight.sentAbs() >= ctx.replyTimeoutNanos) {
            if (inFlight.measured()) {
                ctx.stats.timeouts.increment();
            } else {
                ctx.stats.warmupErrors.increment();
            }
            inFlight = null;
            pump(now, true);
        }
    }

    // ---- scheduling ----

    /**
     * Sends the next spin if it is due and nothing is in flight, else arms a timer for it.
     * {@code afterReply}: called because the previous spin just finished, so a spin already due now was delayed by it.
     */
    private void pump(long now, boolean afterReply) {
        if (pacer == null || closed || ctx.stopSending || inFlight != null) {
            return;
        }
        SpinPacer.Step step = pacer.next(now - ctx.t0, afterReply);
        if (step instanceof SpinPacer.Send send) {
            send(send, now);
        } else if (step instanceof SpinPacer.Wait wait && timerTask == null) {
            timerTask = ctx.timer.schedule(this::onTimer, ctx.t0 + wait.untilNanos() - now, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void onTimer() {
        timerTask = null;
        pump(System.nanoTime(), false);
    }

    private void send(SpinPacer.Send spin, long now) {
        BenchStats stats = ctx.stats;
        String requestId = ctx.requestPrefix + "-" + slot + "-" + spin.k();
        long intendedAbs = ctx.t0 + spin.intendedNanos();
        inFlight = new InFlight(requestId, intendedAbs, now, spin.measured());
        if (spin.measured()) {
            stats.sent.increment();
            if (spin.delayed()) {
                stats.delayed.increment();
            }
            BenchStats.recordNanos(stats.sendLag, now - intendedAbs);
        } else {
            stats.warmupSent.increment();
        }
        String text = ctx.spinMessage(requestId);
        sendChain = sendChain.thenCompose(w -> w.sendText(text, true));
        sendChain.whenComplete((w, err) -> {
            if (err != null) {
                socketGone("send failed: " + err.getClass().getSimpleName());
            }
        });
    }

    private synchronized void socketGone(String what) {
        if (closed) {
            return;
        }
        closed = true;
        if (!ctx.closingByBench) {
            ctx.stats.socketClosed(what);
        }
        if (timerTask != null) {
            timerTask.cancel(false);
            timerTask = null;
        }
        if (inFlight != null) {
            if (inFlight.measured()) {
                ctx.stats.lostOnClose.increment();
            }
            inFlight = null;
        }
    }

    // ---- end of run ----

    /** Nothing more to do: all spins sent and answered (or timed out), or the socket is gone. */
    synchronized boolean isIdle() {
        return closed || (inFlight == null && (pacer == null || pacer.exhausted() || ctx.stopSending));
    }

    synchronized boolean hasInFlight() {
        return inFlight != null;
    }

    /** After {@link RunContext#stopSending}: counts measured spins that were never sent. */
    synchronized void finish() {
        if (timerTask != null) {
            timerTask.cancel(false);
            timerTask = null;
        }
        if (inFlight != null) {
            if (inFlight.measured()) {
                ctx.stats.timeouts.increment();
            }
            inFlight = null;
        }
        if (pacer == null) {
            return;
        }
        long unsent = pacer.abandon();
        (closed ? ctx.stats.unsentSocketClosed : ctx.stats.unsentAtEnd).add(unsent);
    }

    /** Sends a normal close; the returned future completes when the close frame is out (not when the hub answers). */
    synchronized CompletableFuture<?> close() {
        if (ws == null || closed) {
            return CompletableFuture.completedFuture(null);
        }
        return sendChain.handle((w, err) -> ws).thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "bench done"));
    }

    synchronized void abort() {
        if (ws != null) {
            ws.abort();
        }
        closed = true;
    }
}
