package io.hub.providers.pragmatic;

import io.hub.contracts.wallet.WalletRejection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Pragmatic numeric error codes (providers.md §4 shape B "Errors", [P1]) and the exhaustive table from
 * {@link WalletRejection}. Answers are HTTP 200 JSON with {@code error} and {@code description}.
 */
public final class PragmaticErrorCodes {
    /** The protocol's codes; {@code retry} = PP retries / reconciles the call (only 100). */
    public enum Code {
        SUCCESS(0, "Success"), INSUFFICIENT_BALANCE(1, "Insufficient balance"), PLAYER_NOT_FOUND(2, "Player not found"),
        BET_NOT_ALLOWED(3, "Bet is not allowed"), AUTHENTICATION_FAILED(4, "Player authentication failed or token expired"),
        INVALID_HASH(5, "Invalid hash code"), PLAYER_FROZEN(6, "Player is frozen"),
        BAD_PARAMETERS(7, "Bad parameters in the request"), GAME_NOT_FOUND(8, "Game is not found or disabled"),
        BET_LIMIT_REACHED(50, "Bet limit has been reached"), INTERNAL_ERROR_RETRY(100, "Internal server error"),
        INTERNAL_ERROR_NO_RETRY(120, "Internal server error"), END_ROUND_ERROR(130, "Internal server error on endRound"),
        REALITY_CHECK(210, "Reality check warning"), OUTSIDE_BET_LIMITS(310, "Bet is out of the game's limits");

        public final int number;
        public final String description;

        Code(int number, String description) {
            this.number = number;
            this.description = description;
        }

        /** PP retries the call (error 100) rather than treating it as final. */
        public boolean retry() {
            return this == INTERNAL_ERROR_RETRY;
        }
    }

    private static final Map<WalletRejection, Code> TABLE = new EnumMap<>(WalletRejection.class);

    static {
        TABLE.put(WalletRejection.INVALID_MESSAGE, Code.BAD_PARAMETERS);
        TABLE.put(WalletRejection.UNKNOWN_ACTION, Code.BAD_PARAMETERS);
        TABLE.put(WalletRejection.MISSING_FIELD, Code.BAD_PARAMETERS);
        TABLE.put(WalletRejection.UNKNOWN_GAME, Code.GAME_NOT_FOUND);
        TABLE.put(WalletRejection.INVALID_AMOUNT, Code.BAD_PARAMETERS);
        TABLE.put(WalletRejection.BET_BELOW_MINIMUM, Code.OUTSIDE_BET_LIMITS);
        TABLE.put(WalletRejection.BET_ABOVE_LIMIT, Code.OUTSIDE_BET_LIMITS);
        TABLE.put(WalletRejection.INVALID_BET_STEP, Code.OUTSIDE_BET_LIMITS);
        TABLE.put(WalletRejection.INSUFFICIENT_FUNDS, Code.INSUFFICIENT_BALANCE);
        TABLE.put(WalletRejection.CURRENCY_MISMATCH, Code.BAD_PARAMETERS);
        TABLE.put(WalletRejection.IDEMPOTENCY_CONFLICT, Code.INTERNAL_ERROR_NO_RETRY); // (inference) terminal
        TABLE.put(WalletRejection.RATE_LIMITED, Code.INTERNAL_ERROR_RETRY);
        TABLE.put(WalletRejection.PLAYER_BLOCKED, Code.PLAYER_FROZEN);
        TABLE.put(WalletRejection.UNKNOWN_PLAYER, Code.PLAYER_NOT_FOUND);
        TABLE.put(WalletRejection.INTERNAL_ERROR, Code.INTERNAL_ERROR_RETRY); // never cache a failure as success (§3.19)
        TABLE.put(WalletRejection.INVALID_SIGNATURE, Code.INVALID_HASH);
        TABLE.put(WalletRejection.UNKNOWN_PROVIDER, Code.INVALID_HASH); // (inference) no secret to check the hash with
        TABLE.put(WalletRejection.INVALID_TOKEN, Code.AUTHENTICATION_FAILED);
        TABLE.put(WalletRejection.TOKEN_EXPIRED, Code.AUTHENTICATION_FAILED);
        TABLE.put(WalletRejection.TRANSACTION_NOT_FOUND, Code.INTERNAL_ERROR_NO_RETRY); // (inference)
        TABLE.put(WalletRejection.TRANSACTION_ROLLED_BACK, Code.INTERNAL_ERROR_NO_RETRY); // (inference)
        TABLE.put(WalletRejection.ALREADY_SETTLED, Code.INTERNAL_ERROR_NO_RETRY); // (inference)
        TABLE.put(WalletRejection.ROUND_CLOSED, Code.BET_NOT_ALLOWED); // (inference)
        // PP treats a repeated reference as success with the current balance ([P1], §3 scenario 1).
        TABLE.put(WalletRejection.TRANSACTION_EXISTS, Code.SUCCESS);
        TABLE.put(WalletRejection.OPERATION_IN_PROGRESS, Code.INTERNAL_ERROR_RETRY);
    }

    /**
     * Descriptions for rejections whose code's own text would mislead: PP has no code for an idempotency conflict, a
     * settled or refunded bet, or a closed round (providers.md §4 shape B lists 0–8, 50, 100, 120, 130, 210, 310), so
     * they get the nearest code (120: final, no retry; 3: bet not allowed) with a description that says what happened
     * rather than "Internal server error".
     */
    private static final Map<WalletRejection, String> DESCRIPTIONS = new EnumMap<>(WalletRejection.class);

    static {
        DESCRIPTIONS.put(WalletRejection.IDEMPOTENCY_CONFLICT,
                "Duplicate reference: this reference was already used with different parameters; nothing was processed");
        DESCRIPTIONS.put(WalletRejection.TRANSACTION_NOT_FOUND, "Bet not found for this reference or round; nothing was processed");
        DESCRIPTIONS.put(WalletRejection.TRANSACTION_ROLLED_BACK, "Bet was already refunded; nothing was processed");
        DESCRIPTIONS.put(WalletRejection.ALREADY_SETTLED, "Bet or round is already settled; nothing was processed");
        DESCRIPTIONS.put(WalletRejection.ROUND_CLOSED, "Round is already closed: no more bets on it");
    }

    private PragmaticErrorCodes() {
    }

    /** The {@code description} answered with {@link #codeFor(WalletRejection)}: accurate for the rejection. */
    public static String descriptionFor(WalletRejection reason) {
        return DESCRIPTIONS.getOrDefault(reason, codeFor(reason).description);
    }

    /** The code for a rejection; total over {@link WalletRejection}. */
    public static Code codeFor(WalletRejection reason) {
        Code c = TABLE.get(reason);
        if (c == null) throw new IllegalStateException("no Pragmatic code for " + reason);
        return c;
    }

    public static Map<WalletRejection, Code> table() {
        return Map.copyOf(TABLE);
    }
}
