package io.hub.app.providers.wallet;

import io.hub.app.providers.ProviderConfig;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.providers.PlayerDirectory;
import io.hub.providers.ProviderAdapter;
import io.hub.providers.evolution.EvolutionAdapter;
import io.hub.providers.evolution.EvolutionSettings;
import io.hub.providers.hub88.Hub88Adapter;
import io.hub.providers.hub88.Hub88Settings;
import io.hub.providers.pragmatic.PragmaticAdapter;
import io.hub.providers.pragmatic.PragmaticSettings;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Builds the protocol adapter of an onboarded provider from its {@link ProviderConfig} (credentials, policy table,
 * settings) and caches it per provider <em>version</em>: an update (new key, secret or policy) bumps the version and
 * the next callback builds a new adapter.
 *
 * <p>Settings read ({@code provider.settings} JSON, all optional): Hub88 {@code signatureHeader} (default
 * {@code X-Hub88-Signature}), {@code protocolScale} (default 5); Pragmatic {@code providerParam} (the value of its
 * {@code providerId} form field, checked when set), {@code hashSkipsEmptyValues} (default false). Evolution's "Mixed"
 * or "Gamewise" settlement [E3] is the policy table's {@code settlement}, not a setting (a stored
 * {@code gameWiseSettlement} setting of an older hub is read into it by {@link io.hub.app.providers.ProviderRegistry}).
 */
@Component
public class ProviderAdapters {
    private final HubSigningKey hubKey;
    private final ProviderWallet wallet;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long version, ProviderAdapter adapter) {
    }

    public ProviderAdapters(HubSigningKey hubKey, ProviderWallet wallet) {
        this.hubKey = hubKey;
        this.wallet = wallet;
    }

    /**
     * The adapter for this provider version.
     *
     * @throws IllegalStateException when the stored credentials cannot make an adapter (e.g. an unreadable key)
     */
    public ProviderAdapter adapterFor(ProviderConfig p) {
        Cached c = cache.get(p.id());
        if (c != null && c.version() == p.version()) return c.adapter();
        ProviderAdapter a = build(p);
        cache.put(p.id(), new Cached(p.version(), a));
        return a;
    }

    private ProviderAdapter build(ProviderConfig p) {
        Map<String, Object> s = p.settings();
        switch (p.protocol()) {
            case HUB88:
                try {
                    String header = String.valueOf(s.getOrDefault("signatureHeader", Hub88Settings.DEFAULT_SIGNATURE_HEADER));
                    int scale = Integer.parseInt(String.valueOf(s.getOrDefault("protocolScale", Hub88Settings.DEFAULT_PROTOCOL_SCALE)));
                    return new Hub88Adapter(new Hub88Settings(p.id(), HubSigningKey.publicKeyOf(require(p.credentials().publicKeyPem(), p)),
                            hubKey.privateKey(), header, scale, Map.of(), p.policy()));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalStateException("provider " + p.id() + ": unreadable public key or settings", e);
                }
            case PRAGMATIC:
                Object param = s.get("providerParam");
                return new PragmaticAdapter(new PragmaticSettings(p.id(), param == null ? null : param.toString(),
                        require(p.credentials().secret(), p), Boolean.parseBoolean(String.valueOf(s.getOrDefault("hashSkipsEmptyValues", "false"))),
                        p.policy()), (providerId, playerId) -> wallet.currencyOf(playerId));
            case EVOLUTION:
                return new EvolutionAdapter(new EvolutionSettings(p.id(), require(p.credentials().apiToken(), p), p.policy()),
                        new PlayerDirectory() {   // refusals of authenticated requests answer the player's real balance
                            @Override
                            public Optional<CurrencyUnit> currencyOf(String providerId, String playerId) {
                                return wallet.currencyOf(playerId);
                            }

                            @Override
                            public Optional<Money> balanceOf(String providerId, String playerId) {
                                return wallet.balanceOf(playerId);
                            }
                        });
            default:
                throw new IllegalStateException("unknown protocol " + p.protocol());
        }
    }

    private static String require(String secret, ProviderConfig p) {
        if (secret == null || secret.isEmpty()) throw new IllegalStateException("provider " + p.id() + " has no credential for " + p.protocol());
        return secret;
    }
}
