package io.hub.contracts.wallet;

/**
 * What the provider wallet callback route calls, implemented by the hub application (one call per step, in order).
 * No method throws for bad input: every refusal is an answer in the provider's own protocol.
 */
public interface ProviderWalletPort {
    /**
     * Resolves the provider, verifies the callback on its raw bytes and translates it. Returns a
     * {@link ProviderCallbackAnswer} when the callback is refused (unknown or disabled provider, bad signature,
     * malformed body: nothing is applied), else a {@link DecodedCallback} without a result.
     */
    Object decode(ProviderCallback callback);

    /** Applies the command through the wallet (one database transaction); returns it with the result. */
    DecodedCallback apply(DecodedCallback decoded);

    /** Renders the result in the provider's protocol (signed where the protocol signs). */
    ProviderCallbackAnswer encode(DecodedCallback decoded);

    /** The protocol's "internal error, retry" answer for a callback whose processing failed unexpectedly. */
    ProviderCallbackAnswer internalError(ProviderCallback callback);
}
