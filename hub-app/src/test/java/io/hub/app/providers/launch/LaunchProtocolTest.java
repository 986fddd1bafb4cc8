package io.hub.app.providers.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderCredentials;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.outbound.ProviderCallException;
import io.hub.app.providers.outbound.ProviderHashes;
import io.hub.contracts.providers.OutboundCall;
import io.hub.contracts.providers.OutboundReply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The launch request of each protocol and how the game URL is read from the answer (no Spring, no network). */
class LaunchProtocolTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final LaunchProtocol protocol = new LaunchProtocol(JSON);
    final UUID player = UUID.fromString("0190b7a4-0000-7000-8000-000000000001");

    private ProviderConfig provider(ProviderProtocol p, ProviderCredentials c, Map<String, Object> settings) {
        return new ProviderConfig("studio-x", p, "Studio X", true, "https://launch.example.com/api/", "https://games.example.com",
                List.of("EUR"), ProviderConfig.defaultPolicy(p), c, settings, 1, null, null);
    }

    private LaunchProtocol.LaunchInput input(ProviderSession.Mode mode) {
        return new LaunchProtocol.LaunchInput(player, "game-1", "EUR", mode, "tok-123", "203.0.113.9", "https://hub.example.com/");
    }

    @Test
    void hub88_posts_json_and_uses_currency_xxx_for_demo() throws Exception {
        ProviderConfig p = provider(ProviderProtocol.HUB88, new ProviderCredentials("pem", null, null), Map.of());
        OutboundCall real = protocol.request(p, input(ProviderSession.Mode.REAL));
        assertThat(real.method()).isEqualTo("POST");
        assertThat(real.url()).isEqualTo("https://launch.example.com/api/operator/generic/v2/game/url");
        assertThat(real.contentType()).isEqualTo("application/json");
        assertThat(real.idempotent()).isFalse();
        JsonNode b = JSON.readTree(real.body());
        assertThat(b.get("user").asText()).isEqualTo(player.toString());
        assertThat(b.get("token").asText()).isEqualTo("tok-123");
        assertThat(b.get("game_code").asText()).isEqualTo("game-1");
        assertThat(b.get("currency").asText()).isEqualTo("EUR");
        assertThat(b.get("ip").asText()).isEqualTo("203.0.113.9");
        assertThat(JSON.readTree(protocol.request(p, input(ProviderSession.Mode.DEMO)).body()).get("currency").asText()).isEqualTo("XXX");

        assertThat(protocol.gameUrl(p, new OutboundReply(200, "application/json", "{\"url\":\"https://play.example.com/g?t=1\"}")))
                .isEqualTo("https://play.example.com/g?t=1");
        assertThatThrownBy(() -> protocol.gameUrl(p, new OutboundReply(200, null, "{\"url\":\"javascript:alert(1)\"}")))
                .isInstanceOf(ProviderCallException.class).hasMessageContaining("no game URL");
        assertThatThrownBy(() -> protocol.gameUrl(p, new OutboundReply(401, null, "{}")))
                .isInstanceOf(ProviderCallException.class).hasMessageContaining("HTTP 401");
        assertThatThrownBy(() -> protocol.gameUrl(p, new OutboundReply(200, null, "<html/>")))
                .isInstanceOf(ProviderCallException.class).hasMessageContaining("not JSON");
    }

    @Test
    void pragmatic_posts_a_form_with_the_md5_hash_of_the_sorted_parameters_and_the_secret() {
        ProviderConfig p = provider(ProviderProtocol.PRAGMATIC, new ProviderCredentials(null, "s3cret-key", null), Map.of("secureLogin", "hub-login"));
        OutboundCall c = protocol.request(p, input(ProviderSession.Mode.DEMO));
        assertThat(c.url()).isEqualTo("https://launch.example.com/api/game/url/");
        assertThat(c.contentType()).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> form = new TreeMap<>();
        for (String kv : c.body().split("&")) {
            String[] parts = kv.split("=", 2);
            form.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(form).containsEntry("secureLogin", "hub-login").containsEntry("symbol", "game-1").containsEntry("playMode", "DEMO")
                .containsEntry("token", "tok-123").containsEntry("externalPlayerId", player.toString());
        String hash = form.remove("hash");
        // the same string Hub88's own PP tests sign: sorted k=v joined by & plus the secret, MD5, lowercase hex [H16]
        StringBuilder joined = new StringBuilder();
        form.forEach((k, v) -> joined.append(joined.length() == 0 ? "" : "&").append(k).append('=').append(v));
        assertThat(hash).isEqualTo(md5(joined + "s3cret-key")).isEqualTo(ProviderHashes.pragmaticHash(form, "s3cret-key"));

        assertThat(protocol.gameUrl(p, new OutboundReply(200, null, "{\"gameURL\":\"https://pp.example.com/open\",\"error\":\"0\"}")))
                .isEqualTo("https://pp.example.com/open");
        assertThatThrownBy(() -> protocol.gameUrl(p, new OutboundReply(200, null, "{\"error\":\"8\",\"description\":\"Game is disabled\"}")))
                .isInstanceOf(ProviderCallException.class).hasMessageContaining("error 8").hasMessageContaining("Game is disabled");
    }

    @Test
    void evolution_posts_to_the_casino_key_and_token_path_and_resolves_a_relative_entry() throws Exception {
        ProviderConfig p = provider(ProviderProtocol.EVOLUTION, new ProviderCredentials(null, null, "api-token-1"), Map.of("casinoKey", "casino7"));
        OutboundCall c = protocol.request(p, input(ProviderSession.Mode.REAL));
        assertThat(c.url()).isEqualTo("https://launch.example.com/api/ua/v1/casino7/api-token-1");
        JsonNode b = JSON.readTree(c.body());
        assertThat(b.at("/player/id").asText()).isEqualTo(player.toString());
        assertThat(b.at("/player/currency").asText()).isEqualTo("EUR");
        assertThat(b.at("/player/session/id").asText()).isEqualTo("tok-123");
        assertThat(b.at("/config/game/table/id").asText()).isEqualTo("game-1");
        assertThat(protocol.gameUrl(p, new OutboundReply(200, null, "{\"entry\":\"/entry?params=abc\",\"entryEmbedded\":\"/e\"}")))
                .isEqualTo("https://launch.example.com/entry?params=abc");
    }

    private static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
