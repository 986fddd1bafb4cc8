package io.hub.providers.evolution;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Evolution One Wallet messages (providers.md §4 shape C; field names from [E2] {@code model.go}). Amounts are JSON
 * decimals (numbers or numeric strings) in major units, read exactly as {@link BigDecimal}.
 */
public final class EvolutionMessages {
    private EvolutionMessages() {
    }

    /** The endpoints ({@code {base}/check} …). */
    public enum Operation {
        CHECK("check"), BALANCE("balance"), DEBIT("debit"), CREDIT("credit"), CANCEL("cancel"),
        PROMO_PAYOUT("promo_payout");

        public final String path;

        Operation(String path) {
            this.path = path;
        }

        public static Optional<Operation> ofPath(String path) {
            String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            return Arrays.stream(values()).filter(o -> o.path.equals(p)).findFirst();
        }
    }

    /** {@code game{id, type, details{table{id, vid}}}}: {@code id} is the round. */
    public record Game(String id, String type, String tableId, String tableVid) {
        /** The game code the hub knows: the table id when present, else the game type. */
        public String code() {
            return tableId != null ? tableId : type;
        }
    }

    /** {@code transaction{id, refId, amount}}: {@code refId} links a debit to its credit or cancel. */
    public record Transaction(String id, String refId, BigDecimal amount) {
    }

    /** {@code promoTransaction{type, id, amount, voucherId, remainingRounds}}. */
    public record PromoTransaction(String type, String id, BigDecimal amount, String voucherId, Long remainingRounds) {
    }

    /** Every request: {@code sid, userId, uuid} plus the operation's fields (null where the operation has none). */
    public record Request(Operation operation, String sid, String userId, String uuid, String channelType,
                          String currency, Game game, Transaction transaction, PromoTransaction promoTransaction) {
    }

    /** {@code check} answer: {@code {status, sid, uuid}}. */
    public record CheckResponse(EvolutionErrorCodes.Status status, String sid, String uuid) {
    }

    /** Standard answer: {@code {status, balance, bonus, uuid, retransmission?}}. */
    public record StandardResponse(EvolutionErrorCodes.Status status, BigDecimal balance, BigDecimal bonus,
                                   String uuid) {
    }
}
