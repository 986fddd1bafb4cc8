package io.hub.contracts.wallet;

import java.util.Objects;

/**
 * A verified callback on its way through the wallet: the callback, its canonical command, and (after the wallet
 * step) the wallet's result.
 *
 * @param result null until the wallet has applied {@code command}
 */
public record DecodedCallback(ProviderCallback callback, WalletCommand command, WalletResult result) {
    public DecodedCallback {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(command, "command");
    }

    public DecodedCallback withResult(WalletResult r) {
        return new DecodedCallback(callback, command, r);
    }
}
