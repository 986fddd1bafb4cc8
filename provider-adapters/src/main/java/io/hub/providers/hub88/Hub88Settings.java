package io.hub.providers.hub88;

import io.hub.providers.ProviderPolicy;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials and policy for one provider speaking the Hub88-style RS_* protocol (providers.md §4 shape A).
 *
 * @param providerId          the onboarded provider id
 * @param providerPublicKey   the provider's RSA public key: verifies {@code X-Hub88-Signature} on its requests
 * @param hubPrivateKey       the hub's own RSA private key for this provider: signs the hub's responses (each direction
 *                            has its own key pair, [H4][C1])
 * @param signatureHeader     {@code X-Hub88-Signature} (Hub88) or {@code X-Auth-Signature} (Caleta clone)
 * @param defaultProtocolScale decimal places of the integer {@code amount}/{@code balance} fields: 5 for fiat
 *                            (EUR 1.00 = 100000, [H15][C1])
 * @param protocolScales      per-currency overrides of the scale (code → places); must be ≥ the ISO scale
 * @param policy              wallet policy (defaults: {@link ProviderPolicy#hub88Defaults()})
 */
public record Hub88Settings(String providerId, PublicKey providerPublicKey, PrivateKey hubPrivateKey,
                            String signatureHeader, int defaultProtocolScale, Map<String, Integer> protocolScales,
                            ProviderPolicy policy) {
    public static final String DEFAULT_SIGNATURE_HEADER = "X-Hub88-Signature";
    public static final int DEFAULT_PROTOCOL_SCALE = 5;

    public Hub88Settings {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerPublicKey, "providerPublicKey");
        Objects.requireNonNull(hubPrivateKey, "hubPrivateKey");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        Objects.requireNonNull(policy, "policy");
        protocolScales = protocolScales == null ? Map.of() : Map.copyOf(protocolScales);
        if (defaultProtocolScale < 4 || defaultProtocolScale > 18) throw new IllegalArgumentException("protocol scale");
    }

    /** Hub88 defaults: header {@code X-Hub88-Signature}, scale 5, {@link ProviderPolicy#hub88Defaults()}. */
    public static Hub88Settings of(String providerId, PublicKey providerPublicKey, PrivateKey hubPrivateKey) {
        return new Hub88Settings(providerId, providerPublicKey, hubPrivateKey, DEFAULT_SIGNATURE_HEADER,
                DEFAULT_PROTOCOL_SCALE, Map.of(), ProviderPolicy.hub88Defaults());
    }

    /** The protocol scale for a currency code. */
    public int protocolScale(String currencyCode) {
        return protocolScales.getOrDefault(currencyCode, defaultProtocolScale);
    }
}
