package io.hub.app.ledger;

import java.util.UUID;

/** The hold to post or void is not pending (already posted, voided, expired, or unknown). */
public final class HoldNotPendingException extends RuntimeException {
    public HoldNotPendingException(UUID holdId) {
        super("hold " + holdId + " is not pending", null, false, false);
    }
}
