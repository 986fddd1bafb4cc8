package io.hub.contracts.lobby;

import java.util.UUID;

/**
 * One text frame received on a player's lobby WebSocket, before parsing.
 *
 * @param playerId      the authenticated player (from the single-use wsToken at the handshake)
 * @param sessionId     the WebSocket session id on this node
 * @param clientAddress the client's IP address, for per-address rate limits
 * @param text          the raw frame text (JSON expected)
 */
public record LobbyFrame(UUID playerId, String sessionId, String clientAddress, String text) {
}
