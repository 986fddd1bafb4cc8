package io.hub.app.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.app.HubIntegrationTest;
import io.hub.providers.ProviderPolicy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProviderRegistryTest extends HubIntegrationTest {
    @Autowired
    ProviderRegistry registry;
    @Autowired
    ProviderSessions sessions;

    private ProviderConfig newProvider(String id) {
        return new ProviderConfig(id, ProviderProtocol.PRAGMATIC, "Studio " + id, true, "http://localhost:1/launch",
                "http://localhost:1/games", List.of("EUR", "USD"), ProviderConfig.defaultPolicy(ProviderProtocol.PRAGMATIC),
                new ProviderCredentials(null, "s3cret-" + id, null), Map.of("catalogueSyncPeriod", "PT60S"), 0, null, null);
    }

    @Test
    void registeredProviderReadsBackWithPolicyCredentialsAndSettings() {
        String id = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        ProviderConfig saved = registry.register(newProvider(id));
        assertThat(saved.protocol()).isEqualTo(ProviderProtocol.PRAGMATIC);
        assertThat(saved.currencies()).containsExactly("EUR", "USD");
        assertThat(saved.policy()).isEqualTo(ProviderPolicy.pragmaticDefaults());
        assertThat(saved.credentials().secret()).isEqualTo("s3cret-" + id);
        assertThat(saved.settings()).containsEntry("catalogueSyncPeriod", "PT60S");
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.credentials().toString()).doesNotContain("s3cret").contains("secret");
        assertThatThrownBy(() -> registry.register(newProvider(id))).isInstanceOf(ProviderRegistry.ProviderExistsException.class);
        assertThat(registry.find("no-such-provider")).isEmpty();
        assertThat(registry.find("../etc")).isEmpty();
    }

    @Test
    void sessionTokenResolvesOnlyForItsProviderAndRotationSupersedesIt() {
        String id = "ses-" + UUID.randomUUID().toString().substring(0, 8);
        registry.register(newProvider(id));
        String other = "ses2-" + UUID.randomUUID().toString().substring(0, 8);
        registry.register(newProvider(other));
        UUID playerId = newPlayer("EUR", "1.00").id();
        ProviderSessions.Issued issued = sessions.issue(id, playerId, "game-1", "EUR", ProviderSession.Mode.REAL);

        ProviderSession s = sessions.resolve(id, issued.token()).orElseThrow();
        assertThat(s.playerId()).isEqualTo(playerId);
        assertThat(s.current(java.time.Instant.now())).isTrue();
        assertThat(sessions.resolve(other, issued.token())).isEmpty();
        assertThat(sessions.resolve(id, issued.token() + "x")).isEmpty();
        Integer plain = jdbc.queryForObject("SELECT count(*) FROM provider_session WHERE encode(token_hash, 'escape') LIKE ?",
                Integer.class, "%" + issued.token() + "%");
        assertThat(plain).isZero();

        ProviderSessions.Issued rotated = sessions.rotate(s);
        assertThat(rotated.token()).isNotEqualTo(issued.token());
        assertThat(sessions.resolve(id, issued.token()).orElseThrow().superseded()).isTrue();
        assertThat(sessions.resolve(id, rotated.token()).orElseThrow().current(java.time.Instant.now())).isTrue();
        assertThatThrownBy(() -> sessions.rotate(s)).isInstanceOf(ProviderSessions.SessionNotCurrentException.class);
    }
}
