package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * Credit a round's winnings (0 settles as a loss, providers.md §3 scenario 16). Sources: Hub88
 * {@code /transaction/win}; Pragmatic {@code result.html}; Evolution {@code credit}.
 *
 * @param transactionId the credit's own idempotency key (Hub88 {@code transaction_uuid}, PP {@code reference},
 *                      Evolution {@code transaction.id})
 * @param betRef        the bet it settles (Hub88 {@code reference_transaction_uuid}, Evolution {@code transaction.refId}),
 *                      or null when the protocol settles by round (Pragmatic {@code result})
 * @param amount        the win, exact, ≥ 0
 * @param roundClosed   the provider says the round is over (Hub88 {@code round_closed}); Evolution credits carry no
 *                      flag: its "Gamewise" settlement [E3] is the provider's policy {@code settlement}, under which
 *                      the wallet closes the round on every credit
 * @param promoAmount   a promo win reported with the result (PP {@code promoWinAmount}), credited in addition to
 *                      {@code amount} (inference from providers.md §4 shape B; confirm with the provider), or null
 * @param promoRef      the promo reference (PP {@code promoWinReference}), or null
 */
public record Win(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                  String roundId, String transactionId, String betRef, Money amount, boolean roundClosed,
                  Money promoAmount, String promoRef) implements WalletCommand {
    public Win {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
        WalletCommand.require(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        if (amount.amountMinor() < 0) throw new IllegalArgumentException("a win cannot be negative");
        if (promoAmount != null && promoAmount.amountMinor() < 0) throw new IllegalArgumentException("negative promo");
    }
}
