package io.hub.contracts;

/**
 * The closed set of domain rejections: a request the hub understood and refused. Each adapter maps these
 * to its caller's own codes (the lobby sends the name as {@code "code"}; provider protocols map them to
 * their status codes). Programmer errors and integration failures are not rejections.
 */
public enum RejectionCode {
    /** Not JSON, not an object, a field of the wrong type, or a frame larger than the limit. */
    INVALID_MESSAGE("the message could not be read"),
    /** The {@code action} is not one the lobby knows. */
    UNKNOWN_ACTION("unknown action"),
    /** A required field is missing or empty. */
    MISSING_FIELD("a required field is missing"),
    /** No enabled game with that id. */
    UNKNOWN_GAME("unknown game"),
    /** Not a positive decimal string, or more decimal places than the currency allows. */
    INVALID_AMOUNT("invalid amount"),
    /** The bet is below the game's minimum for the currency. */
    BET_BELOW_MINIMUM("bet below the game's minimum"),
    /** The bet is above the game's maximum for the currency. */
    BET_ABOVE_LIMIT("bet above the game's maximum"),
    /** The game cannot take this bet size (e.g. not a multiple of its bet step). */
    INVALID_BET_STEP("bet is not a multiple of the game's bet step"),
    /** The player's available balance is below the bet or debit. */
    INSUFFICIENT_FUNDS("insufficient funds"),
    /** The currency does not match the player's wallet currency. */
    CURRENCY_MISMATCH("currency does not match the wallet"),
    /** The same idempotency key (requestId, external id) was used before with different content. */
    IDEMPOTENCY_CONFLICT("the request id was already used for a different request"),
    /** Too many requests for this player or client address; retry later. */
    RATE_LIMITED("too many requests"),
    /** The player is blocked or self-excluded. */
    PLAYER_BLOCKED("player is blocked"),
    /** The player does not exist. */
    UNKNOWN_PLAYER("unknown player"),
    /** A dependency (database, game engine) failed; the request had no effect, or will be reconciled. */
    INTERNAL_ERROR("internal error; the request had no effect");

    private final String defaultMessage;

    RejectionCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
