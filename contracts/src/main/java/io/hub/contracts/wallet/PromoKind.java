package io.hub.contracts.wallet;

/** What a bet-less credit pays (providers.md §1 rows 16–18, §3 scenario 9 exceptions, §3 scenario 20). */
public enum PromoKind {
    /** Free-spin / free-round winnings paid after the last free round (Pragmatic {@code bonusWin}). */
    BONUS,
    /** A jackpot paid separately from a bet (Pragmatic {@code jackpotWin}, Evolution jackpot promo payouts). */
    JACKPOT,
    /** A tournament, prize drop, cashback or campaign payout (Pragmatic {@code promoWin}, Evolution
     * {@code promo_payout}, Hub88 {@code is_supplier_promo} wins without a reference). */
    PROMOTION
}
