package io.hub.contracts.wallet;

import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * A bet-less credit: free-spin winnings, a jackpot, a tournament or campaign payout. Must succeed without a live
 * session (providers.md §3 scenario 20) and pays once per {@code transactionId} (§4 shape C "a duplicate id pays once").
 * Sources: Pragmatic {@code bonusWin.html} / {@code jackpotWin.html} / {@code promoWin.html}; Evolution
 * {@code promo_payout}; Hub88 {@code /transaction/win} with {@code is_supplier_promo} and no reference.
 *
 * @param roundId       the round if the protocol sent one, else null
 * @param transactionId the credit's idempotency key (PP {@code reference}, Evolution {@code promoTransaction.id},
 *                      Hub88 {@code transaction_uuid})
 * @param amount        ≥ 0 (PP {@code bonusWin} 0 = the free rounds lost)
 * @param campaignRef   PP {@code bonusCode} / {@code jackpotId} / {@code campaignId}, Evolution {@code voucherId},
 *                      Hub88 {@code campaign_uuid}; or null
 * @param campaignType  the provider's own sub-type (PP {@code campaignType} T/CJP/CB, Evolution
 *                      {@code promoTransaction.type}); or null
 */
public record PromoCredit(String providerId, String playerId, String sessionToken, String requestId, String gameId,
                          String roundId, String transactionId, Money amount, PromoKind kind, String campaignRef,
                          String campaignType) implements WalletCommand {
    public PromoCredit {
        WalletCommand.require(providerId, "providerId");
        WalletCommand.require(playerId, "playerId");
        WalletCommand.require(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        if (amount.amountMinor() < 0) throw new IllegalArgumentException("a promo credit cannot be negative");
    }
}
