package io.hub.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hub.app.providers.wallet.HubSigningKey;
import io.hub.providers.hub88.Hub88Signature;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A launch sends the lobby URL of the hub that is actually running (no hard-coded {@code http://localhost:8080/});
 * studios fetch the public key that verifies the hub's Hub88 answers from {@code GET /providers/hub88/signing-key}.
 */
class LobbyUrlAndSigningKeyTest extends ProviderTestSupport {
    @Autowired
    HubSigningKey hubKey;

    @Test
    void a_launch_sends_the_running_hubs_lobby_url_not_a_hard_coded_port_8080() {
        String id = newId("lu");
        registerNorthstar(id, "/" + id, "{\"catalogueMinInterval\":\"PT0S\"}");
        northstar().setScenarioState("ns-catalogue", "recovered");
        sync(id);
        TestPlayer player = newPlayer("EUR", "0");
        String token = login(player.username(), player.password()).accessToken();

        HttpResponse<String> r = post("/games/" + id + ":ns-northern-lights/launch", "{\"mode\":\"real\"}", token,
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<LoggedRequest> sent = northstar().findAll(postRequestedFor(urlPathEqualTo("/" + id + "/operator/generic/v2/game/url")));
        assertThat(sent).hasSize(1);
        assertThat(port).isNotEqualTo(8080);   // the tests run on a random port
        assertThat(json(sent.get(0).getBodyAsString()).get("lobby_url").asText()).isEqualTo("http://localhost:" + port + "/");
    }

    @Test
    void the_hubs_hub88_signing_public_key_is_served_as_pem_without_a_token_and_verifies_the_hubs_answers() throws Exception {
        HttpResponse<String> r = get("/providers/hub88/signing-key", null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-pem-file");
        assertThat(r.body()).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----").doesNotContain("PRIVATE");
        assertThat(r.body()).isEqualTo(hubKey.publicKeyPem());
        // a signature the hub makes verifies with the served key
        byte[] body = "{\"status\":\"RS_OK\"}".getBytes(StandardCharsets.UTF_8);
        String sig = new Hub88Signature(hubKey.publicKey(), hubKey.privateKey()).sign(body);
        assertThat(new Hub88Signature(Hub88Signature.publicKeyFromPem(r.body()), hubKey.privateKey()).verify(body, sig)).isTrue();
        // other methods are not opened by the permit
        assertThat(post("/providers/hub88/signing-key", "{}", null).statusCode()).isEqualTo(401);
    }
}
