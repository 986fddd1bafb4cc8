package io.hub.app.providers;

import io.hub.providers.ProviderPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One onboarded provider as stored in table {@code provider}.
 *
 * @param id               the operator-given id, the {@code {providerId}} of {@code /wallet/{providerId}/...}
 *                         ({@code [a-z0-9][a-z0-9-]{1,62}})
 * @param protocol         which wallet protocol it speaks
 * @param displayName      shown in the lobby
 * @param enabled          a disabled provider's callbacks are refused and its games are unavailable
 * @param launchBaseUrl    base URL of the provider's game-launch API, or null
 * @param catalogueBaseUrl base URL of the provider's game-list API, or null
 * @param currencies       ISO 4217 codes it may play in
 * @param policy           the policy table where providers disagree (providers.md §5.3)
 * @param credentials      secrets (write-only)
 * @param settings         non-secret knobs (e.g. {@code catalogueSyncPeriod}, {@code timeoutMs}), JSON values
 * @param version          optimistic-lock version, +1 per update
 */
public record ProviderConfig(String id, ProviderProtocol protocol, String displayName, boolean enabled,
                             String launchBaseUrl, String catalogueBaseUrl, List<String> currencies,
                             ProviderPolicy policy, ProviderCredentials credentials, Map<String, Object> settings,
                             long version, Instant createdAt, Instant updatedAt) {
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(credentials, "credentials");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("provider id must match " + ID.pattern());
        currencies = List.copyOf(currencies);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The protocol's default policy table (providers.md §5.3). */
    public static ProviderPolicy defaultPolicy(ProviderProtocol protocol) {
        switch (protocol) {
            case HUB88: return ProviderPolicy.hub88Defaults();
            case PRAGMATIC: return ProviderPolicy.pragmaticDefaults();
            case EVOLUTION: return ProviderPolicy.evolutionDefaults();
            default: throw new IllegalArgumentException(String.valueOf(protocol));
        }
    }
}
