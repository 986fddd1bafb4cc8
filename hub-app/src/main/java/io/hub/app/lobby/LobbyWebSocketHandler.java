package io.hub.app.lobby;

import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws/lobby}: every text frame goes through the Camel route {@code direct:lobby-message}; its
 * {@link LobbyReply} is encoded and sent back. The connection stays open on every error. Metrics:
 * {@code hub.lobby.messages{direction=in|out}}, {@code hub.lobby.message.duration{type}} and
 * {@code hub.spin.duration{outcome}}.
 */
@Component
public class LobbyWebSocketHandler extends TextWebSocketHandler {
    static final String PLAYER = "hubPlayerId";
    static final String HANDLE = "hubLobbyHandle";
    private static final Logger log = LoggerFactory.getLogger(LobbyWebSocketHandler.class);
    private final ProducerTemplate camel;
    private final LobbySessions sessions;
    private final SpinService lobby;
    private final Counter received;
    private final MeterRegistry meters;
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> messageTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> spinTimers = new java.util.concurrent.ConcurrentHashMap<>();

    public LobbyWebSocketHandler(ProducerTemplate camel, LobbySessions sessions, SpinService lobby, MeterRegistry meters) {
        this.camel = camel;
        this.sessions = sessions;
        this.lobby = lobby;
        this.meters = meters;
        this.received = Counter.builder("hub.lobby.messages").tag("direction", "in").description("Lobby frames received").register(meters);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        UUID player = (UUID) session.getAttributes().get(PLAYER);
        session.getAttributes().put(HANDLE, sessions.register(player, session));
        log.info("lobby open player={} session={}", player, session.getId());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        received.increment();
        long start = System.nanoTime();
        UUID player = (UUID) session.getAttributes().get(PLAYER);
        LobbySessions.Handle handle = (LobbySessions.Handle) session.getAttributes().get(HANDLE);
        InetSocketAddress remote = session.getRemoteAddress();
        LobbyFrame frame = new LobbyFrame(player, session.getId(), remote == null ? "unknown" : remote.getAddress().getHostAddress(),
                message.getPayload());
        MDC.put("playerId", player.toString());
        LobbyReply reply;
        try {
            reply = camel.requestBody("direct:lobby-message", frame, LobbyReply.class);
        } catch (RuntimeException e) {
            log.error("lobby route failed", e);
            reply = new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", null);
        } finally {
            MDC.remove("playerId");
            MDC.remove("requestId");
            MDC.remove("txId");
        }
        long version = reply instanceof LobbyReply.SpinResult s ? s.balanceVersion()
                : reply instanceof LobbyReply.Balance b ? b.balanceVersion() : -1;
        sessions.send(handle, lobby.encode(reply), version);
        String type = reply instanceof LobbyReply.SpinResult ? "spinResult" : reply instanceof LobbyReply.Balance ? "balance" : "error";
        long nanos = System.nanoTime() - start;
        messageTimers.computeIfAbsent(type, t -> Timer.builder("hub.lobby.message.duration").tag("type", t)
                .publishPercentileHistogram().register(meters)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (message.getPayload().contains("\"spin\"")) {
            spinTimers.computeIfAbsent(type, t -> Timer.builder("hub.spin.duration").tag("outcome", t).publishPercentileHistogram()
                    .description("Lobby spin, frame in to answer out").register(meters)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object h = session.getAttributes().get(HANDLE);
        if (h instanceof LobbySessions.Handle handle) sessions.unregister(handle);
        log.info("lobby closed session={} status={}", session.getId(), status);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.info("lobby transport error session={}: {}", session.getId(), exception.toString());
    }
}
