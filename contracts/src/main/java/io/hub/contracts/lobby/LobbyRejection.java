package io.hub.contracts.lobby;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;

/** A rejection raised while reading a lobby frame, carrying the frame's requestId when it could be read. */
public final class LobbyRejection extends RejectedException {
    private final String requestId;

    public LobbyRejection(RejectionCode code, String message, String requestId) {
        super(code, message);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
