package io.hub.contracts.wallet;

/**
 * What the wallet answered to a {@link WalletCommand}; the adapter renders it in the provider's protocol.
 * {@link SessionResult} answers {@link SessionCheck}; {@link BalanceResult} answers {@link Balance} and
 * {@link RoundEnd}; {@link Applied} answers money commands; {@link Rejected} answers anything.
 */
public sealed interface WalletResult permits SessionResult, BalanceResult, Applied, Rejected {
}
