package io.hub.app.providers;

/**
 * A provider's secrets. Write-only: accepted at onboarding, stored in {@code provider.credentials}, never returned
 * by the API, never logged ({@link #toString()} redacts).
 *
 * @param publicKeyPem the provider's RSA public key (X.509 SubjectPublicKeyInfo PEM) that signs Hub88 callbacks
 * @param secret       the shared secret of the Pragmatic {@code hash} (MD5 of sorted params + secret)
 * @param apiToken     the Evolution {@code authToken} query parameter
 */
public record ProviderCredentials(String publicKeyPem, String secret, String apiToken) {
    /** Which fields are set, for audit records and API answers: e.g. {@code ["secret"]}. */
    public java.util.List<String> present() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (publicKeyPem != null) out.add("publicKeyPem");
        if (secret != null) out.add("secret");
        if (apiToken != null) out.add("apiToken");
        return out;
    }

    /** Which fields differ from {@code before} (set, changed or removed), by name only: e.g. {@code ["secret"]} for a rotation. */
    public java.util.List<String> changedFrom(ProviderCredentials before) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(publicKeyPem, before.publicKeyPem)) out.add("publicKeyPem");
        if (!java.util.Objects.equals(secret, before.secret)) out.add("secret");
        if (!java.util.Objects.equals(apiToken, before.apiToken)) out.add("apiToken");
        return out;
    }

    @Override
    public String toString() {
        return "ProviderCredentials" + present() + " (redacted)";
    }
}
