package io.hub.providers.evolution;

import io.hub.providers.support.Secrets;

/**
 * Evolution One Wallet authentication: the shared API token in the {@code authToken} query parameter, compared in
 * constant time (providers.md §1 row 8, §4 shape C, [E2]). The body is not signed; a missing or wrong token is
 * answered {@code INVALID_TOKEN_ID} with HTTP 401.
 */
public final class EvolutionSignature {
    private final String apiToken;

    public EvolutionSignature(String apiToken) {
        this.apiToken = apiToken;
    }

    public boolean verify(String authTokenParam) {
        return authTokenParam != null && Secrets.equalsConstantTime(apiToken, authTokenParam);
    }
}
