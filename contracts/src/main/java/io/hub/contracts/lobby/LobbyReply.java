package io.hub.contracts.lobby;

import java.util.List;

/**
 * An answer or push on the lobby WebSocket. Amounts are decimal strings in major units of {@code currency}.
 */
public sealed interface LobbyReply {
    /**
     * {@code {"type":"spinResult","requestId","roundId","result":[[...]],"payout":"3.00","balance":"102.50","currency":"EUR",
     * "balanceVersion","spins":[...],"fairness":{...},"kid","signature"}}.
     *
     * @param result         the visible symbols of the paid spin, one list per reel
     * @param bet            the bet that was posted
     * @param payout         the win credited for the whole round, free spins included (0.00 for a loss)
     * @param balance        the player's cash balance after the spin
     * @param balanceVersion monotonic per-account version of {@code balance}; clients keep the highest
     * @param spins          every spin of the round (0 = the paid spin, 1.. = free spins), or null
     * @param fairness       the provably fair inputs of the round, or null
     * @param kid            the id of the Ed25519 key that signed the frame, or null
     * @param signature      base64url Ed25519 signature over the RFC 8785 form of the frame without
     *                       {@code signature} (docs/fairness.md), or null
     */
    record SpinResult(String requestId, String roundId, String gameId, List<List<String>> result, String bet,
                      String payout, String balance, String currency, long balanceVersion, List<SpinDetail> spins,
                      SpinFairness fairness, String kid, String signature) implements LobbyReply {
        /** A result without spins, fairness or signature. */
        public SpinResult(String requestId, String roundId, String gameId, List<List<String>> result, String bet,
                          String payout, String balance, String currency, long balanceVersion) {
            this(requestId, roundId, gameId, result, bet, payout, balance, currency, balanceVersion, null, null, null, null);
        }

        /** This result with {@code signature} set. */
        public SpinResult withSignature(String sig) {
            return new SpinResult(requestId, roundId, gameId, result, bet, payout, balance, currency, balanceVersion, spins,
                    fairness, kid, sig);
        }
    }

    /**
     * One spin of a round on the {@code spinResult} frame: {@code {"index","stops","result","multiplier","win","wins"}}.
     *
     * @param index      0 = the paid spin, 1.. = free spins in play order
     * @param stops      the stop drawn on each reel (0-based)
     * @param result     the visible symbols, one list per reel
     * @param multiplier the feature multiplier applied to this spin's wins
     * @param win        this spin's win, a decimal string in major units
     * @param wins       this spin's paying combinations
     */
    record SpinDetail(int index, List<Integer> stops, List<List<String>> result, int multiplier, String win, List<WinLine> wins) {
    }

    /**
     * One paying combination: {@code {"description","multiplier","amount"}}.
     *
     * @param multiplier x the coin value or line bet
     * @param amount     a decimal string in major units
     */
    record WinLine(String description, long multiplier, String amount) {
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
