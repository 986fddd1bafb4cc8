package io.hub.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login, the hub's RS256 tokens and the JWKS, and who may call what: every API needs a valid hub token (JSON 401
 * otherwise), {@code /operator/**} needs the operator role (JSON 403 otherwise), and the game list shape.
 */
class AuthTest extends HubIntegrationTest {
    @Autowired
    private JwtKeys hubKeys;

    private static void assertError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = json(r.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private HttpResponse<String> loginRaw(String body) {
        return post("/auth/login", body, null);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Claims like the hub's own access token for {@code subject}. */
    private static JWTClaimsSet.Builder hubLikeClaims(String issuer, String subject, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                .claim("scope", "operator").claim("roles", List.of("OPERATOR"));
    }

    @Test
    void loginAnswersBearerTokensAndAWsToken() {
        TestPlayer p = newPlayer("EUR", "0");
        HttpResponse<String> r = loginRaw("{\"username\":\"" + p.username() + "\",\"password\":\"" + p.password() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r.body());
        assertThat(body.get("accessToken").asText()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900); // hub.auth.access-token-ttl = 15m
        assertThat(body.get("wsToken").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(body.size()).isEqualTo(4);
    }

    @Test
    void demoPlayerAndOperatorLogInWithTheirDemoPasswords() {
        Tokens demo = login("demo", "demo");
        assertThat(get("/games/list", demo.accessToken()).statusCode()).isEqualTo(200);
        assertError(loginRaw("{\"username\":\"demo\",\"password\":\"wrong\"}"), 401, "INVALID_CREDENTIALS");
        assertThat(get("/operator/ledger/check", operatorToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenIsAnRs256JwtVerifiedByTheJwksKey() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String access = login(p.username(), p.password()).accessToken();
        SignedJWT jwt = SignedJWT.parse(access);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        String kid = jwt.getHeader().getKeyID();
        assertThat(kid).isNotBlank();

        HttpResponse<String> jwksResponse = get("/.well-known/jwks.json", null);
        assertThat(jwksResponse.statusCode()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(jwksResponse.body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(kid);
        assertThat(key).as("kid %s in %s", kid, jwksResponse.body()).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        for (JsonNode k : json(jwksResponse.body()).get("keys")) {
            assertThat(k.has("d") || k.has("p") || k.has("q") || k.has("dp") || k.has("dq") || k.has("qi")).as("private part in JWKS").isFalse();
        }
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("hub");
        assertThat(claims.getSubject()).isEqualTo(p.id().toString());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(p.username());
        assertThat(claims.getStringClaim("scope")).isEqualTo("player");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PLAYER");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheIdentical401() {
        TestPlayer p = newPlayer("EUR", "0");
        HttpResponse<String> wrong = loginRaw("{\"username\":\"" + p.username() + "\",\"password\":\"not-the-password\"}");
        HttpResponse<String> unknown = loginRaw("{\"username\":\"nobody-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"x\"}");
        HttpResponse<String> tooLong = loginRaw("{\"username\":\"" + "u".repeat(65) + "\",\"password\":\"x\"}");
        for (HttpResponse<String> r : List.of(wrong, unknown, tooLong)) {
            assertError(r, 401, "INVALID_CREDENTIALS");
        }
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(tooLong.body()).isEqualTo(wrong.body());
        assertThat(json(wrong.body()).has("accessToken")).isFalse();
    }

    @Test
    void loginWithMissingFieldsIs400() {
        for (String body : List.of("{}", "{\"username\":\"demo\"}", "{\"password\":\"demo\"}", "{\"username\":\"\",\"password\":\"demo\"}",
                "{\"username\":\"   \",\"password\":\"demo\"}", "{\"username\":null,\"password\":null}")) {
            assertError(loginRaw(body), 400, "MISSING_FIELD");
        }
        assertError(loginRaw("not json"), 400, "INVALID_MESSAGE");
        assertError(loginRaw(""), 400, "INVALID_MESSAGE");
    }

    @Test
    void blockedPlayerCannotLogIn() {
        TestPlayer p = newPlayer("EUR", "0");
        jdbc.update("UPDATE app_user SET status = 'BLOCKED' WHERE id = ?", p.id());
        assertError(loginRaw("{\"username\":\"" + p.username() + "\",\"password\":\"" + p.password() + "\"}"), 403, "PLAYER_BLOCKED");
    }

    @Test
    void noTokenIs401Json() {
        for (String path : List.of("/games/list", "/operator/ledger/check", "/operator/players", "/wallet/balance")) {
            HttpResponse<String> r = get(path, null);
            assertError(r, 401, "UNAUTHORIZED");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
        assertError(post("/operator/players", "{}", null), 401, "UNAUTHORIZED");
        assertError(get("/games/list", "not-a-jwt"), 401, "UNAUTHORIZED");
    }

    @Test
    void playerTokenOnOperatorApiIs403Json() {
        TestPlayer p = newPlayer("EUR", "5.00");
        String player = login(p.username(), p.password()).accessToken();
        assertError(get("/operator/ledger/check", player), 403, "FORBIDDEN");
        assertError(get("/operator/players", player), 403, "FORBIDDEN");
        assertError(get("/operator/players/" + p.id(), player), 403, "FORBIDDEN");
        assertError(post("/operator/players/" + p.id() + "/adjustments", "{\"direction\":\"CREDIT\",\"amount\":\"1000.00\",\"reason\":\"self\"}",
                player, "Idempotency-Key", "self-credit-" + p.id()), 403, "FORBIDDEN");
        assertError(post("/operator/players", "{\"username\":\"x-" + p.id().toString().substring(0, 8) + "\",\"password\":\"pass\",\"currency\":\"EUR\"}",
                player), 403, "FORBIDDEN");
        // nothing was credited
        assertThat(json(get("/operator/players/" + p.id(), operatorToken()).body()).get("balance").asText()).isEqualTo("5.00");
    }

    @Test
    void operatorTokenGetsTheLedgerCheck() {
        HttpResponse<String> r = get("/operator/ledger/check", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r.body());
        assertThat(body.get("balanced").asBoolean()).isTrue();
        assertThat(body.get("transactions").asLong()).isPositive();
        assertThat(body.get("accounts").asLong()).isPositive();
        assertThat(body.get("problems")).isEmpty();
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(hubKeys.privateKey().getKeyID()).generate();
        String forged = sign(other, hubLikeClaims("hub", "operator-subject", Instant.now(), Instant.now().plusSeconds(600)).build());
        assertError(get("/operator/ledger/check", forged), 401, "UNAUTHORIZED");
        assertError(get("/games/list", forged), 401, "UNAUTHORIZED");
    }

    @Test
    void expiredHubTokenIs401() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String expired = sign(hubKeys.privateKey(), hubLikeClaims("hub", p.id().toString(), Instant.now().minusSeconds(3600),
                Instant.now().minusSeconds(300)).build());
        assertError(get("/games/list", expired), 401, "UNAUTHORIZED");
        // the same token, not expired, is accepted: the refusal is for the expiry alone
        String valid = sign(hubKeys.privateKey(), hubLikeClaims("hub", p.id().toString(), Instant.now(), Instant.now().plusSeconds(300)).build());
        assertThat(get("/games/list", valid).statusCode()).isEqualTo(200);
    }

    @Test
    void hubSignedTokenWithAnotherIssuerIs401() throws Exception {
        TestPlayer p = newPlayer("EUR", "0");
        String wrongIssuer = sign(hubKeys.privateKey(), hubLikeClaims("https://evil.example", p.id().toString(), Instant.now(),
                Instant.now().plusSeconds(300)).build());
        assertError(get("/games/list", wrongIssuer), 401, "UNAUTHORIZED");
        assertError(get("/operator/ledger/check", wrongIssuer), 401, "UNAUTHORIZED");
        String noIssuer = sign(hubKeys.privateKey(), new JWTClaimsSet.Builder().subject(p.id().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        assertError(get("/games/list", noIssuer), 401, "UNAUTHORIZED");
    }

    @Test
    void unsignedOrTamperedTokenIs401() throws Exception {
        JWTClaimsSet operatorClaims = hubLikeClaims("hub", "anyone", Instant.now(), Instant.now().plusSeconds(300)).build();
        assertError(get("/operator/ledger/check", new PlainJWT(operatorClaims).serialize()), 401, "UNAUTHORIZED");

        // a real player token whose payload is swapped for operator claims keeps the player's signature
        TestPlayer p = newPlayer("EUR", "0");
        String[] parts = login(p.username(), p.password()).accessToken().split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(operatorClaims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertError(get("/operator/ledger/check", tampered), 401, "UNAUTHORIZED");
    }

    @Test
    void gamesListShowsTheInHouseGamesInThePlayersCurrency() {
        TestPlayer p = newPlayer("EUR", "0");
        HttpResponse<String> r = get("/games/list", login(p.username(), p.password()).accessToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode all = json(r.body());
        assertThat(all.isArray()).isTrue();
        // the in-house games come first; external providers' games (issue 3, provider = their id) follow
        com.fasterxml.jackson.databind.node.ArrayNode games = JSON.createArrayNode();
        for (JsonNode g : all) if ("hub".equals(g.path("provider").asText())) games.add(g);
        assertThat(all.get(0)).isEqualTo(games.get(0));
        assertThat(games.findValuesAsText("gameId")).containsExactly("red-white-blue", "atkins-diet");
        for (JsonNode g : games) {
            assertThat(g.get("name").asText()).isNotBlank();
            assertThat(g.get("provider").asText()).isEqualTo("hub");
            assertThat(g.get("type").asText()).isEqualTo("slot");
            assertThat(g.get("minBet").asText()).isEqualTo("0.20");
            assertThat(g.get("maxBet").asText()).isEqualTo("100.00");
            assertThat(g.get("currency").asText()).isEqualTo("EUR");
            assertThat(g.get("rtp").asText()).matches("0\\.\\d{4}");
            assertThat(g.get("volatility").asText()).isIn("low", "medium", "high");
            assertThat(g.get("available").asBoolean()).isTrue();
        }
        JsonNode rwb = games.get(0);
        assertThat(rwb.get("name").asText()).isEqualTo("Red White & Blue");
        assertThat(rwb.get("rtp").asText()).isEqualTo("0.8658");
        assertThat(games.get(1).get("name").asText()).isEqualTo("Atkins Diet");

        // a GBP player sees GBP limits; an operator may ask for a currency
        TestPlayer gbp = newPlayer("GBP", "0");
        JsonNode gbpGames = json(get("/games/list", login(gbp.username(), gbp.password()).accessToken()).body());
        assertThat(gbpGames.findValuesAsText("currency")).containsOnly("GBP");
        JsonNode usd = json(get("/games/list?currency=USD", operatorToken()).body());
        assertThat(usd.findValuesAsText("currency")).containsOnly("USD");
        int inHouse = 0;
        for (JsonNode g : usd) if ("hub".equals(g.path("provider").asText())) inHouse++;
        assertThat(inHouse).isEqualTo(2);
    }
}
