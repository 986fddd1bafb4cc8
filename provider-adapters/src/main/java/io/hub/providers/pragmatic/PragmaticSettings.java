package io.hub.providers.pragmatic;

import io.hub.providers.ProviderPolicy;
import java.util.Objects;

/**
 * Credentials and policy for one provider speaking the Pragmatic-style protocol (providers.md §4 shape B).
 *
 * @param providerId            the onboarded provider id (our id for it)
 * @param expectedProviderParam the value the provider sends in its own {@code providerId} form parameter (e.g.
 *                              {@code PragmaticPlay}); a request with another value is refused (error 5); null = not
 *                              checked
 * @param secretKey             the shared secret appended to the hash string; never logged or returned
 * @param hashSkipsEmptyValues  false (default): every parameter except {@code hash} is hashed, empty values included, as
 *                              providers.md §4 says ("all POST params except hash") and Hub88's own PP tests do [H16];
 *                              true for a provider whose implementation drops empty values
 * @param policy                wallet policy (defaults: {@link ProviderPolicy#pragmaticDefaults()})
 */
public record PragmaticSettings(String providerId, String expectedProviderParam, String secretKey,
                                boolean hashSkipsEmptyValues, ProviderPolicy policy) {
    public PragmaticSettings {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(policy, "policy");
        if (secretKey.isEmpty()) throw new IllegalArgumentException("secretKey is empty");
    }

    public static PragmaticSettings of(String providerId, String expectedProviderParam, String secretKey) {
        return new PragmaticSettings(providerId, expectedProviderParam, secretKey, false,
                ProviderPolicy.pragmaticDefaults());
    }

    @Override
    public String toString() {
        return "PragmaticSettings[providerId=" + providerId + ", expectedProviderParam=" + expectedProviderParam
                + ", secretKey=***, hashSkipsEmptyValues=" + hashSkipsEmptyValues + ", policy=" + policy + "]";
    }
}
