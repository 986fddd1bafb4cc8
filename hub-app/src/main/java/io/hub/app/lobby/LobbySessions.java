package io.hub.app.lobby;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The lobby sockets open on this node, by player. Sends are thread-safe (each socket is wrapped in a
 * {@link ConcurrentWebSocketSessionDecorator} with a send-time and buffer limit, so one slow client cannot stall
 * others). Each socket remembers the highest balance version it has shown, so a late push never shows an older
 * balance than an answer already sent; the version check and the send happen under the socket's lock, so the
 * frames leave in version order.
 */
@Component
public class LobbySessions {
    private static final Logger log = LoggerFactory.getLogger(LobbySessions.class);
    private final ConcurrentHashMap<UUID, Set<Handle>> byPlayer = new ConcurrentHashMap<>();
    private final AtomicLong open = new AtomicLong();
    private final Counter sent;
    private final LobbyProperties props;

    public LobbySessions(MeterRegistry meters, LobbyProperties props) {
        this.props = props;
        Gauge.builder("hub.lobby.sessions", open, AtomicLong::get).description("Open lobby WebSocket sessions on this node").register(meters);
        this.sent = Counter.builder("hub.lobby.messages").tag("direction", "out").description("Lobby frames sent").register(meters);
    }

    /** One open socket of a player. */
    public static final class Handle {
        final UUID playerId;
        final WebSocketSession session;
        final AtomicLong shownVersion = new AtomicLong(-1);

        Handle(UUID playerId, WebSocketSession session) {
            this.playerId = playerId;
            this.session = session;
        }
    }

    public Handle register(UUID playerId, WebSocketSession raw) {
        Handle h = new Handle(playerId, new ConcurrentWebSocketSessionDecorator(raw, (int) props.sendTimeLimit().toMillis(), props.sendBufferBytes()));
        byPlayer.computeIfAbsent(playerId, k -> ConcurrentHashMap.newKeySet()).add(h);
        open.incrementAndGet();
        return h;
    }

    public void unregister(Handle h) {
        Set<Handle> set = byPlayer.get(h.playerId);
        if (set != null && set.remove(h)) {
            open.decrementAndGet();
            if (set.isEmpty()) byPlayer.remove(h.playerId, set);
        }
    }

    /** Sends an answer; raises the socket's shown balance version to {@code version} if given (>= 0). */
    public void send(Handle h, String text, long version) {
        synchronized (h) { // version and frame order agree: no push can slip an older balance in after this
            if (version >= 0) h.shownVersion.accumulateAndGet(version, Math::max);
            write(h, text);
        }
    }

    /** Pushes a balance of {@code version} to every socket of the player that has not shown a newer one. */
    public void push(UUID playerId, long version, java.util.function.Supplier<String> text) {
        Set<Handle> set = byPlayer.get(playerId);
        if (set == null) return;
        String frame = null;
        for (Handle h : set) {
            synchronized (h) {
                if (version > h.shownVersion.get()) {
                    h.shownVersion.set(version);
                    if (frame == null) frame = text.get();
                    write(h, frame);
                }
            }
        }
    }

    private void write(Handle h, String text) {
        try {
            if (h.session.isOpen()) {
                h.session.sendMessage(new TextMessage(text));
                sent.increment();
            }
        } catch (IOException | RuntimeException e) {
            log.info("lobby send failed for player {}: {}", h.playerId, e.toString());
        }
    }
}
