package io.hub.providers.hub88;

import io.hub.contracts.wallet.WalletRejection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Hub88 RS_* statuses (providers.md §1 row 13, §4 shape A; [H3][C1]) and the exhaustive table from
 * {@link WalletRejection} to them. All answers are HTTP 200 with the status in the body.
 *
 * <p>Where Hub88 has no exact status the choice keeps Caleta's retry semantics (providers.md §4 shape A): a refusal
 * that must stop retries uses a terminal status whose meaning is true of the request (DUPLICATE_TRANSACTION: the
 * same {@code transaction_uuid} with other content [H3]; TRANSACTION_DOES_NOT_EXIST: the referenced bet is unknown);
 * a refusal no Hub88 status describes uses RS_ERROR_UNKNOWN ("general error status, for cases without a special error
 * code" [H3]): the provider retries it (wins and rollbacks "retried until success", §4 shape A), every retry is
 * refused again and writes nothing, and once its retries run out the provider's failed-transaction queue hands it to
 * people (§5.6). A terminal status that states something false is worse: a provider reads DUPLICATE_TRANSACTION or
 * TRANSACTION_ROLLED_BACK on a rollback as "already done" and books a refund the hub never made. Those choices are
 * marked "(inference)".
 */
public final class Hub88ErrorCodes {
    /** The protocol's statuses. */
    public enum Status {
        RS_OK, RS_ERROR_UNKNOWN, RS_ERROR_INVALID_PARTNER, RS_ERROR_INVALID_TOKEN, RS_ERROR_INVALID_GAME,
        RS_ERROR_WRONG_CURRENCY, RS_ERROR_NOT_ENOUGH_MONEY, RS_ERROR_USER_DISABLED, RS_ERROR_INVALID_SIGNATURE,
        RS_ERROR_TOKEN_EXPIRED, RS_ERROR_WRONG_SYNTAX, RS_ERROR_WRONG_TYPES, RS_ERROR_DUPLICATE_TRANSACTION,
        RS_ERROR_TRANSACTION_DOES_NOT_EXIST, RS_ERROR_TRANSACTION_ROLLED_BACK, RS_ERROR_BET_LIMIT_EXCEEDED
    }

    private static final Map<WalletRejection, Status> TABLE = new EnumMap<>(WalletRejection.class);

    static {
        TABLE.put(WalletRejection.INVALID_MESSAGE, Status.RS_ERROR_WRONG_SYNTAX);
        TABLE.put(WalletRejection.UNKNOWN_ACTION, Status.RS_ERROR_WRONG_SYNTAX);
        TABLE.put(WalletRejection.MISSING_FIELD, Status.RS_ERROR_WRONG_SYNTAX);
        TABLE.put(WalletRejection.UNKNOWN_GAME, Status.RS_ERROR_INVALID_GAME);
        TABLE.put(WalletRejection.INVALID_AMOUNT, Status.RS_ERROR_WRONG_TYPES);
        TABLE.put(WalletRejection.BET_BELOW_MINIMUM, Status.RS_ERROR_BET_LIMIT_EXCEEDED);
        TABLE.put(WalletRejection.BET_ABOVE_LIMIT, Status.RS_ERROR_BET_LIMIT_EXCEEDED);
        TABLE.put(WalletRejection.INVALID_BET_STEP, Status.RS_ERROR_BET_LIMIT_EXCEEDED);
        TABLE.put(WalletRejection.INSUFFICIENT_FUNDS, Status.RS_ERROR_NOT_ENOUGH_MONEY);
        TABLE.put(WalletRejection.CURRENCY_MISMATCH, Status.RS_ERROR_WRONG_CURRENCY);
        TABLE.put(WalletRejection.IDEMPOTENCY_CONFLICT, Status.RS_ERROR_DUPLICATE_TRANSACTION);
        TABLE.put(WalletRejection.RATE_LIMITED, Status.RS_ERROR_UNKNOWN);
        TABLE.put(WalletRejection.PLAYER_BLOCKED, Status.RS_ERROR_USER_DISABLED);
        TABLE.put(WalletRejection.UNKNOWN_PLAYER, Status.RS_ERROR_INVALID_TOKEN); // (inference) no "unknown user" status
        TABLE.put(WalletRejection.INTERNAL_ERROR, Status.RS_ERROR_UNKNOWN);
        TABLE.put(WalletRejection.INVALID_SIGNATURE, Status.RS_ERROR_INVALID_SIGNATURE);
        TABLE.put(WalletRejection.UNKNOWN_PROVIDER, Status.RS_ERROR_INVALID_PARTNER);
        TABLE.put(WalletRejection.INVALID_TOKEN, Status.RS_ERROR_INVALID_TOKEN);
        TABLE.put(WalletRejection.TOKEN_EXPIRED, Status.RS_ERROR_TOKEN_EXPIRED);
        TABLE.put(WalletRejection.TRANSACTION_NOT_FOUND, Status.RS_ERROR_TRANSACTION_DOES_NOT_EXIST);
        TABLE.put(WalletRejection.TRANSACTION_ROLLED_BACK, Status.RS_ERROR_TRANSACTION_ROLLED_BACK);
        // (inference) a rollback of a settled bet or a win for a settled bet after its round closed (§3 scenario 7):
        // Hub88 has no "already settled" status [H3]; DUPLICATE_TRANSACTION / TRANSACTION_ROLLED_BACK would tell the
        // provider the rollback or win was done, TRANSACTION_DOES_NOT_EXIST that the bet never existed (its stake was
        // taken). RS_ERROR_UNKNOWN keeps the provider retrying and, after its retries, queues it for people (§5.6)
        TABLE.put(WalletRejection.ALREADY_SETTLED, Status.RS_ERROR_UNKNOWN);
        // (inference) a bet on a closed round must be a "known" bet error (discarded, no rollback follows; §4 shape A:
        // TRANSACTION_DOES_NOT_EXIST is not one, the provider would roll back a bet that never landed). No Hub88 status
        // names the round; INVALID_GAME is the known error the worked Valkyrie mapping for this protocol family
        // (§4 "the hub's internal contract" [V1], provider/caleta/error.go) gives a round it cannot play
        TABLE.put(WalletRejection.ROUND_CLOSED, Status.RS_ERROR_INVALID_GAME);
        TABLE.put(WalletRejection.TRANSACTION_EXISTS, Status.RS_ERROR_DUPLICATE_TRANSACTION);
        TABLE.put(WalletRejection.OPERATION_IN_PROGRESS, Status.RS_ERROR_UNKNOWN);
    }

    private Hub88ErrorCodes() {
    }

    /** The status for a rejection; total over {@link WalletRejection}. */
    public static Status statusFor(WalletRejection reason) {
        Status s = TABLE.get(reason);
        if (s == null) throw new IllegalStateException("no Hub88 status for " + reason);
        return s;
    }

    /** The table, for documentation and exhaustiveness tests. */
    public static Map<WalletRejection, Status> table() {
        return Map.copyOf(TABLE);
    }
}
