package io.hub.providers.evolution;

import io.hub.providers.ProviderPolicy;
import java.util.Objects;

/**
 * Credentials and policy for one provider speaking the Evolution-style One Wallet (providers.md §4 shape C).
 *
 * @param providerId the onboarded provider id
 * @param apiToken   the shared API token the provider sends as the {@code authToken} query parameter [E2]; never logged
 * @param policy     wallet policy (defaults: {@link ProviderPolicy#evolutionDefaults()}); "Mixed" or "Gamewise"
 *                   settlement [E3] is its {@link ProviderPolicy#settlement()}, applied by the wallet (a credit carries
 *                   no round flag: Evolution's protocol has none)
 */
public record EvolutionSettings(String providerId, String apiToken, ProviderPolicy policy) {
    public static final String AUTH_TOKEN_PARAM = "authToken";

    public EvolutionSettings {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(policy, "policy");
        if (apiToken.isEmpty()) throw new IllegalArgumentException("apiToken is empty");
    }

    public static EvolutionSettings of(String providerId, String apiToken) {
        return new EvolutionSettings(providerId, apiToken, ProviderPolicy.evolutionDefaults());
    }

    @Override
    public String toString() {
        return "EvolutionSettings[providerId=" + providerId + ", apiToken=***, policy=" + policy + "]";
    }
}
