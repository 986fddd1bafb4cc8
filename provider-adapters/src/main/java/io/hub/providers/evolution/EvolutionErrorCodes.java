package io.hub.providers.evolution;

import io.hub.contracts.wallet.WalletRejection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Evolution One Wallet statuses (providers.md §4 shape C, [E1][E2]) with their HTTP status and retransmission flag,
 * and the exhaustive table from {@link WalletRejection}. The mapping follows Valkyrie's worked mapping
 * ({@code provider/evolution/errors.go} [E2]): unknown user → INVALID_SID, auth → INVALID_TOKEN_ID, bet/cancel not
 * found → BET_DOES_NOT_EXIST, already settled → BET_ALREADY_SETTLED, anything else → UNKNOWN_ERROR.
 */
public final class EvolutionErrorCodes {
    /** The statuses; {@code retransmission} = the provider should retry (TEMPORARY_ERROR, OPERATION_IN_PROCESS). */
    public enum Status {
        OK(200, false), TEMPORARY_ERROR(200, true), UNKNOWN_ERROR(200, false), INVALID_SID(200, false),
        INSUFFICIENT_FUNDS(200, false), INVALID_TOKEN_ID(401, false), INVALID_PARAMETER(200, false),
        BET_ALREADY_SETTLED(200, false), BET_DOES_NOT_EXIST(200, false), BET_ALREADY_EXIST(200, false),
        OPERATION_IN_PROCESS(200, true);

        public final int httpStatus;
        public final boolean retransmission;

        Status(int httpStatus, boolean retransmission) {
            this.httpStatus = httpStatus;
            this.retransmission = retransmission;
        }
    }

    private static final Map<WalletRejection, Status> TABLE = new EnumMap<>(WalletRejection.class);

    static {
        TABLE.put(WalletRejection.INVALID_MESSAGE, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.UNKNOWN_ACTION, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.MISSING_FIELD, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.UNKNOWN_GAME, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.INVALID_AMOUNT, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.BET_BELOW_MINIMUM, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.BET_ABOVE_LIMIT, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.INVALID_BET_STEP, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.INSUFFICIENT_FUNDS, Status.INSUFFICIENT_FUNDS);
        TABLE.put(WalletRejection.CURRENCY_MISMATCH, Status.INVALID_PARAMETER);
        TABLE.put(WalletRejection.IDEMPOTENCY_CONFLICT, Status.BET_ALREADY_EXIST);
        TABLE.put(WalletRejection.RATE_LIMITED, Status.TEMPORARY_ERROR);
        TABLE.put(WalletRejection.PLAYER_BLOCKED, Status.UNKNOWN_ERROR);
        TABLE.put(WalletRejection.UNKNOWN_PLAYER, Status.INVALID_SID);
        TABLE.put(WalletRejection.INTERNAL_ERROR, Status.TEMPORARY_ERROR);
        TABLE.put(WalletRejection.INVALID_SIGNATURE, Status.INVALID_TOKEN_ID);
        TABLE.put(WalletRejection.UNKNOWN_PROVIDER, Status.INVALID_TOKEN_ID);
        TABLE.put(WalletRejection.INVALID_TOKEN, Status.INVALID_SID);
        TABLE.put(WalletRejection.TOKEN_EXPIRED, Status.INVALID_SID);
        TABLE.put(WalletRejection.TRANSACTION_NOT_FOUND, Status.BET_DOES_NOT_EXIST);
        TABLE.put(WalletRejection.TRANSACTION_ROLLED_BACK, Status.BET_ALREADY_SETTLED); // [E1] debit→cancel→credit
        TABLE.put(WalletRejection.ALREADY_SETTLED, Status.BET_ALREADY_SETTLED);
        TABLE.put(WalletRejection.ROUND_CLOSED, Status.BET_ALREADY_SETTLED);
        TABLE.put(WalletRejection.TRANSACTION_EXISTS, Status.BET_ALREADY_EXIST);
        TABLE.put(WalletRejection.OPERATION_IN_PROGRESS, Status.OPERATION_IN_PROCESS);
    }

    private EvolutionErrorCodes() {
    }

    /** The status for a rejection; total over {@link WalletRejection}. */
    public static Status statusFor(WalletRejection reason) {
        Status s = TABLE.get(reason);
        if (s == null) throw new IllegalStateException("no Evolution status for " + reason);
        return s;
    }

    public static Map<WalletRejection, Status> table() {
        return Map.copyOf(TABLE);
    }
}
