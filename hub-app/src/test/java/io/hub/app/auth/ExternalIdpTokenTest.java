package io.hub.app.auth;

import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pointing {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at an external IdP (here a WireMock server
 * serving the JWKS of its own RSA key) makes the hub accept that IdP's tokens without code changes: a player is
 * matched by {@code sub}, and an IdP operator role ({@code roles} or Keycloak {@code realm_access.roles}) opens the
 * operator API. The hub's own tokens keep working, and neither key can sign for the other's issuer.
 */
class ExternalIdpTokenTest extends HubIntegrationTest {
    private static final String IDP_ISSUER = "https://idp.example.test/realms/casino";
    private static final RSAKey IDP_KEY = generateKey();
    private static final WireMockServer IDP = startIdp();

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("idp-" + UUID.randomUUID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer startIdp() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(WireMock.get(urlPathEqualTo("/jwks")).willReturn(okJson(new JWKSet(IDP_KEY.toPublicJWK()).toString())));
        return server;
    }

    @DynamicPropertySource
    static void idp(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://localhost:" + IDP.port() + "/jwks");
    }

    @AfterAll
    static void stopIdp() {
        IDP.stop();
    }

    private static String idpToken(RSAKey key, String issuer, String subject, Instant expiresAt, Consumer<JWTClaimsSet.Builder> extra)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience("hub")
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString()).claim("preferred_username", "idp-" + subject);
        extra.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String idpToken(String subject, Consumer<JWTClaimsSet.Builder> extra) throws Exception {
        return idpToken(IDP_KEY, IDP_ISSUER, subject, Instant.now().plusSeconds(300), extra);
    }

    /** Creates a hub player bound to the IdP subject, funded with {@code credit}. */
    private UUID playerWithSubject(String subject, String credit) {
        HttpResponse<String> r = post("/operator/players", "{\"username\":\"ext-" + UUID.randomUUID().toString().substring(0, 10)
                + "\",\"password\":\"unused-pw\",\"currency\":\"EUR\",\"subject\":\"" + subject + "\"}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(json(r.body()).get("playerId").asText());
        HttpResponse<String> c = post("/operator/players/" + id + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"" + credit + "\",\"reason\":\"test funding\"}", operatorToken(),
                "Idempotency-Key", "fund-" + id);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        return id;
    }

    @Test
    void idpTokenOfAHubPlayersSubjectIsAccepted() throws Exception {
        String subject = "ext-123-" + UUID.randomUUID();
        playerWithSubject(subject, "12.34");
        String token = idpToken(subject, c -> { });

        HttpResponse<String> games = get("/games/list", token);
        assertThat(games.statusCode()).as(games.body()).isEqualTo(200);
        assertThat(json(games.body()).findValuesAsText("gameId")).contains("red-white-blue");
        // the token is resolved to that player's wallet
        HttpResponse<String> wallet = get("/wallet/balance", token);
        assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(200);
        assertThat(json(wallet.body()).get("balance").asText()).isEqualTo("12.34");
        // and it gets a lobby token for that player
        HttpResponse<String> ws = post("/auth/ws-token", "", token);
        assertThat(ws.statusCode()).as(ws.body()).isEqualTo(200);
        try (Lobby lobby = openLobby(json(ws.body()).get("wsToken").asText())) {
            assertThat(lobby.balance().get("balance").asText()).isEqualTo("12.34");
        }
        // a player role from the IdP does not open the operator API
        assertThat(get("/operator/ledger/check", token).statusCode()).isEqualTo(403);
    }

    @Test
    void idpOperatorRoleOpensTheOperatorApi() throws Exception {
        String rolesToken = idpToken("ext-op-" + UUID.randomUUID(), c -> c.claim("roles", List.of("operator")));
        HttpResponse<String> check = get("/operator/ledger/check", rolesToken);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(json(check.body()).get("balanced").asBoolean()).isTrue();

        String keycloakToken = idpToken("ext-kc-" + UUID.randomUUID(),
                c -> c.claim("realm_access", Map.of("roles", List.of("offline_access", "operator"))));
        assertThat(get("/operator/ledger/check", keycloakToken).statusCode()).isEqualTo(200);

        // the IdP operator credits a hub player; the ledger records the IdP user as the actor
        UUID player = playerWithSubject("ext-" + UUID.randomUUID(), "1.00");
        HttpResponse<String> credit = post("/operator/players/" + player + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"4.00\",\"reason\":\"goodwill\"}", keycloakToken, "Idempotency-Key", "kc-" + player);
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);
        JsonNode credited = json(credit.body());
        assertThat(credited.get("balance").asText()).isEqualTo("5.00");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE target = ? ORDER BY id DESC LIMIT 1", String.class,
                "player:" + player)).startsWith("idp-ext-kc-");

        String noRole = idpToken("ext-norole-" + UUID.randomUUID(), c -> c.claim("roles", List.of("player")));
        HttpResponse<String> refused = get("/operator/ledger/check", noRole);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused.body()).get("error").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void hubTokensStillWorkBesideTheIdp() {
        TestPlayer p = newPlayer("EUR", "0");
        assertThat(get("/games/list", login(p.username(), p.password()).accessToken()).statusCode()).isEqualTo(200);
        assertThat(get("/operator/ledger/check", operatorToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void idpTokensThatDoNotVerifyAre401() throws Exception {
        String subject = "ext-" + UUID.randomUUID();
        playerWithSubject(subject, "1.00");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(IDP_KEY.getKeyID()).generate();
        List<String> bad = List.of(
                // signed by a key the IdP does not publish, under the IdP's kid
                idpToken(stranger, IDP_ISSUER, subject, Instant.now().plusSeconds(300), c -> { }),
                // expired
                idpToken(IDP_KEY, IDP_ISSUER, subject, Instant.now().minusSeconds(300), c -> { }),
                // the IdP's key cannot sign for the hub's own issuer
                idpToken(IDP_KEY, "hub", subject, Instant.now().plusSeconds(300), c -> c.claim("roles", List.of("OPERATOR"))));
        for (String token : bad) {
            HttpResponse<String> r = get("/games/list", token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(json(r.body()).get("error").asText()).isEqualTo("UNAUTHORIZED");
        }
    }
}
