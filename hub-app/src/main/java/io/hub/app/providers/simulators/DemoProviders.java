package io.hub.app.providers.simulators;

import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.admin.ProviderAdminService;
import io.hub.app.providers.catalogue.CatalogueSync;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Onboards the simulated studios as demo providers (DemoData style, safe on every restart): {@code northstar}
 * (HUB88) and {@code redfox} (PRAGMATIC), playing EUR, USD and GBP. A restart only points them at the studios' new
 * ports (an audited update); then each catalogue is synced once (a sync inside the rate limit of a recent restart is
 * skipped: the stored catalogue stays). Actor in {@code audit_log}: {@code demo-data}.
 */
@Component
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class DemoProviders implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoProviders.class);
    static final String ACTOR = "demo-data";
    private final SimulatedStudios studios;
    private final ProviderRegistry registry;
    private final ProviderAdminService admin;
    private final String syncPeriod;

    public DemoProviders(SimulatedStudios studios, ProviderRegistry registry, ProviderAdminService admin,
                         @org.springframework.beans.factory.annotation.Value("${hub.simulators.catalogue-sync-period:PT5M}") String syncPeriod) {
        this.studios = studios;
        this.registry = registry;
        this.admin = admin;
        this.syncPeriod = syncPeriod;
    }

    @Override
    public void run(ApplicationArguments args) {
        onboard(SimulatedStudios.NORTHSTAR, "HUB88", "Northstar Studios (simulated)",
                () -> new ProviderAdminService.CredentialsInput(newPublicKeyPem(), null, null), Map.of("catalogueSyncPeriod", syncPeriod));
        onboard(SimulatedStudios.REDFOX, "PRAGMATIC", "Redfox Gaming (simulated)",
                () -> new ProviderAdminService.CredentialsInput(null, "redfox-demo-secret", null), Map.of("secureLogin", "redfox", "catalogueSyncPeriod", syncPeriod));
    }

    private void onboard(String id, String protocol, String name, java.util.function.Supplier<ProviderAdminService.CredentialsInput> credentials,
                         Map<String, Object> settings) {
        String base = studios.baseUrl(id);
        try {
            Optional<ProviderConfig> existing = registry.find(id);
            ProviderConfig p;
            if (existing.isEmpty()) {
                p = admin.register(ACTOR, new ProviderAdminService.ProviderInput(id, protocol, name, true, base, base, credentials.get(),
                        List.of("EUR", "USD", "GBP"), Map.of(), settings, null));
            } else if (!base.equals(existing.get().launchBaseUrl()) || !base.equals(existing.get().catalogueBaseUrl())) {
                p = admin.update(ACTOR, id, new ProviderAdminService.ProviderInput(null, null, null, null, base, base, null,
                        null, null, null, existing.get().version()));
            } else {
                p = existing.get();
            }
            CatalogueSync.SyncResult r = admin.sync(ACTOR, p.id());
            log.info("demo provider {} at {}: {} games", id, base, r.games());
        } catch (CatalogueSync.RateLimitedException e) {
            log.info("demo provider {} at {}: catalogue kept (synced less than a minute ago)", id, base);
        } catch (RuntimeException e) {
            log.warn("demo provider {} at {}: {}", id, base, e.getMessage());
        }
    }

    /** A fresh RSA key for the demo Hub88 provider (the simulated studio sends no callbacks; the key is a placeholder). */
    private static String newPublicKeyPem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
