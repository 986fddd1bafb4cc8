package io.hub.app.ledger;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;

/** The idempotency key was used before for a request with different content; nothing was applied. */
public final class IdempotencyConflictException extends RejectedException {
    public IdempotencyConflictException(IdempotencyKey key) {
        super(RejectionCode.IDEMPOTENCY_CONFLICT, "id '" + key.externalId() + "' was already used for a different request");
    }
}
