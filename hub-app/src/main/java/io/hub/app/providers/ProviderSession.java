package io.hub.app.providers;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider session the hub issued at launch (table {@code provider_session}); the token itself is never stored.
 *
 * @param superseded true when a rotation (Evolution {@code sid} on check) replaced this token with a newer one
 */
public record ProviderSession(UUID id, String providerId, UUID playerId, String gameId, String currency,
                              Mode mode, Instant createdAt, Instant expiresAt, boolean superseded) {
    /** Real-money or demo (fun) play. */
    public enum Mode { REAL, DEMO }

    /** Usable now: not expired and not superseded. */
    public boolean current(Instant now) {
        return !superseded && now.isBefore(expiresAt);
    }
}
