package io.hub.contracts.lobby;

import java.util.UUID;

/**
 * A parsed lobby request (AsyncAPI: {@code docs/asyncapi.yaml}, channel {@code /ws/lobby}).
 */
public sealed interface LobbyMessage {
    UUID playerId();

    /** The client's id for this request, echoed on the answer; the idempotency key of a spin. */
    String requestId();

    /**
     * {@code {"action":"spin","gameId":"red-white-blue","bet":"1.50","requestId":"r-1"}}.
     *
     * @param bet the bet as sent: a decimal string in major units, validated later against the wallet currency
     */
    record Spin(UUID playerId, String clientAddress, String requestId, String gameId, String bet) implements LobbyMessage {
    }

    /** {@code {"action":"balance","requestId":"r-2"}}; requestId optional. */
    record Balance(UUID playerId, String requestId) implements LobbyMessage {
    }
}
