package io.hub.providers.hub88;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Hub88-style RS_* wallet messages (providers.md §4 shape A; field names as on the wire in the comments).
 * Amounts are integers at the protocol scale (EUR 1.00 = 100000), held as {@link BigInteger} until range-checked.
 */
public final class Hub88Messages {
    private Hub88Messages() {
    }

    /** The wallet endpoints the hub serves (path after {@code /wallet/{providerId}/}). */
    public enum Operation {
        INFO("user/info"), BALANCE("user/balance"), BET("transaction/bet"), WIN("transaction/win"),
        ROLLBACK("transaction/rollback");

        public final String path;

        Operation(String path) {
            this.path = path;
        }

        /** The operation for a path, with or without a leading slash. */
        public static Optional<Operation> ofPath(String path) {
            String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            return Arrays.stream(values()).filter(o -> o.path.equals(p)).findFirst();
        }
    }

    /** A request (sealed over the five operations). */
    public sealed interface Request permits InfoRequest, BalanceRequest, BetRequest, WinRequest, RollbackRequest {
        String user();

        String token();

        String requestUuid();

        String currency();
    }

    /**
     * {@code user/info}: the common request fields {@code user, token, request_uuid}, optional {@code game_code},
     * {@code currency} (providers.md §4 shape A lists {@code /user/info} among the operator-side endpoints [H2][H8] and
     * gives only the common fields; the profile fields the real Hub88 answer carries are not in the reference and not
     * sent). With a {@code token} it checks that the token is the user's current session (Hub88 calls it when a game
     * opens); without one it reports the wallet like {@code user/balance}.
     */
    public record InfoRequest(String user, String token, String requestUuid, String gameCode, String currency)
            implements Request {
    }

    /** {@code user/balance}: {@code user, token, request_uuid, game_code, currency}. */
    public record BalanceRequest(String user, String token, String requestUuid, String gameCode, String currency)
            implements Request {
    }

    /**
     * {@code transaction/bet}: {@code user, token, request_uuid, game_code, currency, transaction_uuid, round,
     * round_closed, amount, is_free, reward_uuid, campaign_uuid, bet} (+ {@code meta}, ignored).
     */
    public record BetRequest(String user, String token, String requestUuid, String gameCode, String currency,
                             String transactionUuid, String round, boolean roundClosed, BigInteger amount,
                             boolean isFree, String rewardUuid, String campaignUuid, String bet) implements Request {
    }

    /**
     * {@code transaction/win}: the bet fields plus {@code reference_transaction_uuid} (the bet; optional when
     * {@code is_supplier_promo} is true [H8]) and {@code jackpot_win} (the jackpot part, already inside
     * {@code amount} [C1]).
     */
    public record WinRequest(String user, String token, String requestUuid, String gameCode, String currency,
                             String transactionUuid, String referenceTransactionUuid, String round,
                             boolean roundClosed, BigInteger amount, boolean isFree, boolean isSupplierPromo,
                             String rewardUuid, String campaignUuid, BigInteger jackpotWin) implements Request {
    }

    /**
     * {@code transaction/rollback}: {@code user, token, request_uuid, game_code, currency, transaction_uuid} (the
     * rollback's own id), {@code reference_transaction_uuid} (the transaction to undo), {@code round},
     * {@code round_closed}, optional {@code amount}.
     */
    public record RollbackRequest(String user, String token, String requestUuid, String gameCode, String currency,
                                  String transactionUuid, String referenceTransactionUuid, String round,
                                  boolean roundClosed, BigInteger amount) implements Request {
    }

    /**
     * Every answer: {@code {status, request_uuid, user, currency, balance}}; balance in protocol units, present when
     * known (always on RS_OK and NOT_ENOUGH_MONEY, [H3]).
     */
    public record Response(Hub88ErrorCodes.Status status, String requestUuid, String user, String currency,
                           Long balance) {
    }
}
