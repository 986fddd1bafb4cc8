package io.hub.providers;

import io.hub.contracts.wallet.WalletCommand;
import io.hub.contracts.wallet.WalletRejection;

/** The outcome of {@link ProviderAdapter#decode}: a verified command, or a refusal already rendered in the protocol. */
public sealed interface Decoded {
    /** A verified, well-formed callback: apply {@code command} through the wallet. */
    record Accepted(WalletCommand command) implements Decoded {
    }

    /**
     * The request was refused before reaching the wallet (bad signature, malformed body, unknown operation…):
     * send {@code response}; apply nothing.
     */
    record Refused(WalletRejection reason, String detail, ProviderResponse response) implements Decoded {
    }
}
