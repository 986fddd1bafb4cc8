package io.hub.contracts.lobby;

import java.util.List;

/**
 * An answer or push on the lobby WebSocket. Amounts are decimal strings in major units of {@code currency}.
 */
public sealed interface LobbyReply {
    /**
     * {@code {"type":"spinResult","requestId","roundId","result":[[...]],"payout":"3.00","balance":"102.50","currency":"EUR"}}.
     *
     * @param result         the visible symbols, one list per reel
     * @param bet            the bet that was posted
     * @param payout         the win credited (0.00 for a loss)
     * @param balance        the player's cash balance after the spin
     * @param balanceVersion monotonic per-account version of {@code balance}; clients keep the highest
     */
    record SpinResult(String requestId, String roundId, String gameId, List<List<String>> result, String bet,
                      String payout, String balance, String currency, long balanceVersion) implements LobbyReply {
    }

    /**
     * {@code {"type":"balance","balance":"102.50","currency":"EUR","balanceVersion":7}}; {@code requestId} is
     * set on an answer to a balance request and null on a push.
     */
    record Balance(String requestId, String balance, String currency, long balanceVersion) implements LobbyReply {
    }

    /** {@code {"type":"error","code":"INSUFFICIENT_FUNDS","message":"…","requestId":"…"}}; the connection stays open. */
    record Error(String code, String message, String requestId) implements LobbyReply {
    }
}
