package io.hub.providers;

import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletResult;

/**
 * One provider protocol bound to one onboarded provider's settings. The hub's callback route calls, in order:
 * <ol>
 *   <li>{@link #decode(InboundRequest)} with the raw bytes as received. It verifies the signature / hash / token on
 *       the raw bytes, parses, validates and returns either {@link Decoded.Accepted} (a canonical command to apply)
 *       or {@link Decoded.Refused} (the protocol's own error answer, ready to send; nothing must be applied).</li>
 *   <li>the wallet, with the command.</li>
 *   <li>{@link #encode(WalletCommand, WalletResult)} to answer in the protocol (signed where the protocol signs).</li>
 * </ol>
 * Neither method throws for bad input: malformed, unsigned or unknown requests become {@link Decoded.Refused}.
 * Implementations are immutable and thread-safe.
 */
public interface ProviderAdapter {
    /** The protocol name: {@code hub88}, {@code pragmatic} or {@code evolution}. */
    String protocol();

    /** The onboarded provider id these settings belong to. */
    String providerId();

    /** The provider's policy for the points where protocols disagree (providers.md §5.3). */
    ProviderPolicy policy();

    /** Verify and translate a callback. Never throws for bad input. */
    Decoded decode(InboundRequest request);

    /**
     * Render the wallet's answer to a command this adapter decoded. Never throws for a result whose balances are within
     * {@link #maxBalanceMinor}; a refusal carrying a balance beyond it is answered without the balance.
     */
    ProviderResponse encode(WalletCommand command, WalletResult result);

    /**
     * The largest cash balance, in minor units of {@code currency}, this protocol's answers can carry (providers.md §1
     * row 7: each protocol's number format). The wallet refuses, before writing anything, a command whose resulting
     * balance would exceed it, and answers a balance-only call for a player already beyond it with the protocol's
     * "wrong amount" error ({@code WalletRejection.INVALID_AMOUNT}), so no answer ever fails to render after a commit.
     * Default: no limit of the protocol's own (decimal amounts of any size; the ledger's int64 still bounds them).
     */
    default long maxBalanceMinor(CurrencyUnit currency) {
        return Long.MAX_VALUE;
    }
}
