package io.hub.contracts.wallet;

/**
 * A verified wallet callback from a game provider, translated out of its protocol.
 *
 * <p>Every command names the provider it came from (the id an operator gave it at onboarding, not the protocol),
 * the player as the provider knows it, the session token if the protocol carried one, and the network-retry id
 * ({@code requestId}: Hub88 {@code request_uuid}, Evolution {@code uuid}; Pragmatic has none) which is only
 * echoed back, never used as the money idempotency key (providers.md §1 row 9).
 */
public sealed interface WalletCommand permits SessionCheck, Balance, Bet, Win, Rollback, RoundEnd, PromoCredit {
    /** The onboarded provider id (path segment {@code /wallet/{providerId}/…}). */
    String providerId();

    /** The player id as sent by the provider; may be null only on {@link SessionCheck} (Pragmatic authenticate). */
    String playerId();

    /** The provider session token / sid, or null when the call carried none (async credits). */
    String sessionToken();

    /** The network-retry id to echo, or null when the protocol has none. */
    String requestId();

    static String require(String value, String name) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException(name + " is required");
        return value;
    }
}
