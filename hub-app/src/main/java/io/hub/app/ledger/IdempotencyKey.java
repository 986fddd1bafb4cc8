package io.hub.app.ledger;

import java.util.Objects;

/**
 * The idempotency key of a ledger transaction: unique per (source, scope, external id).
 *
 * @param source     who sent the request: {@code lobby}, {@code operator}, {@code provider:<id>}, {@code psp:<id>}
 * @param scope      {@code ""} when the source's ids are global, or e.g. the player id when they are per player
 * @param externalId the caller's id (a lobby requestId, a provider's transaction id, an Idempotency-Key header)
 */
public record IdempotencyKey(String source, String scope, String externalId) {
    public IdempotencyKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isEmpty() || externalId.length() > 200) {
            throw new IllegalArgumentException("external id must be 1..200 characters");
        }
    }
}
