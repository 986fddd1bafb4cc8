package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import io.hub.app.ledger.AccountDirectory;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderCredentials;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.ProviderSessions;
import io.hub.app.providers.wallet.conformance.EvolutionDriver;
import io.hub.app.providers.wallet.conformance.Hub88Driver;
import io.hub.app.providers.wallet.conformance.PragmaticDriver;
import io.hub.app.providers.wallet.conformance.ProtocolDriver;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.ProviderPolicy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers for the provider wallet tests: providers of the three protocols onboarded with fresh test credentials,
 * their provider-side drivers, players with REAL sessions, and the HTTP transport to {@code POST /wallet/…}.
 */
public abstract class ProviderWalletTestSupport extends HubIntegrationTest {
    protected static final KeyPair PROVIDER_KEYS = rsa();
    protected static final KeyPair OTHER_KEYS = rsa();

    @Autowired
    protected ProviderRegistry registry;
    @Autowired
    protected ProviderSessions sessions;
    @Autowired
    protected HubSigningKey hubKey;
    @Autowired
    protected AccountDirectory accounts;

    /** An onboarded test provider and its provider-side driver. */
    protected record TestProvider(ProviderConfig config, ProtocolDriver driver) {
        public String id() {
            return config.id();
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    protected static String providerPrivatePem() {
        return pem("PRIVATE KEY", PROVIDER_KEYS.getPrivate().getEncoded());
    }

    protected TestProvider provider(ProviderProtocol protocol) {
        return provider(protocol, ProviderConfig.defaultPolicy(protocol), Map.of());
    }

    protected TestProvider provider(ProviderProtocol protocol, ProviderPolicy policy, Map<String, Object> settings) {
        String id = protocol.name().toLowerCase().substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ProviderCredentials creds;
        ProtocolDriver driver;
        switch (protocol) {
            case HUB88:
                creds = new ProviderCredentials(pem("PUBLIC KEY", PROVIDER_KEYS.getPublic().getEncoded()), null, null);
                driver = new Hub88Driver(PROVIDER_KEYS.getPrivate(), hubKey.publicKey(), "X-Hub88-Signature", 5);
                break;
            case PRAGMATIC:
                creds = new ProviderCredentials(null, "pp-secret-" + id, null);
                driver = new PragmaticDriver("pp-secret-" + id, false, null);
                break;
            default:
                creds = new ProviderCredentials(null, null, "evo-token-" + id);
                driver = new EvolutionDriver("evo-token-" + id);
        }
        ProviderConfig c = registry.register(new ProviderConfig(id, protocol, "Test " + id, true, null, null, List.of("EUR"),
                policy, creds, settings, 0, null, null));
        list(id, TEST_GAMES.toArray(new String[0]));
        return new TestProvider(c, driver);
    }

    /** The game codes every test provider's catalogue lists (the drivers' default and the codes of hand-written bodies). */
    protected static final List<String> TEST_GAMES = List.of(ProtocolDriver.DEFAULT_GAME, "g1", "game-1", "vs20");

    @Autowired
    protected io.hub.app.providers.catalogue.GameAvailability gameAvailability;

    /** Puts games into the provider's catalogue as a sync would (listed, enabled). */
    protected void list(String providerId, String... gameCodes) {
        for (String g : gameCodes) {
            jdbc.update("INSERT INTO provider_game (provider_id, game_id, name, category) VALUES (?, ?, ?, 'slot')"
                    + " ON CONFLICT (provider_id, game_id) DO UPDATE SET delisted_at = NULL", providerId, g, "Test game " + g);
        }
        gameAvailability.invalidate(providerId);
    }

    /** A new EUR player funded with {@code credit}, and a REAL session token for the provider. */
    protected record Seat(UUID playerId, String token) {
    }

    protected Seat seat(TestProvider p, String credit) {
        UUID player = newPlayer("EUR", credit).id();
        return new Seat(player, sessions.issue(p.id(), player, "game-1", "EUR", ProviderSession.Mode.REAL).token());
    }

    protected long cashMinor(UUID playerId) {
        return accounts.balance(accounts.player(playerId).orElseThrow().cash().id())[0];
    }

    protected long providerTransactions(UUID playerId) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ? AND source LIKE 'provider:%'", Long.class, playerId);
    }

    /** Sends a callback over HTTP exactly as rendered (raw bytes, headers, query). */
    protected ProviderCallbackAnswer send(ProviderCallback cb) {
        StringJoiner q = new StringJoiner("&");
        cb.query().forEach((k, v) -> q.add(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String uri = base() + "/wallet/" + cb.providerId() + "/" + cb.operation() + (q.length() == 0 ? "" : "?" + q);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(cb.body()));
        cb.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("host")) b.header(k, v);
        });
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            r.headers().map().forEach((k, v) -> {
                for (String name : List.of("X-Hub88-Signature", "X-Auth-Signature")) {
                    if (k.equalsIgnoreCase(name)) headers.put(name, v.get(0));
                }
            });
            String ct = r.headers().firstValue("Content-Type").orElse(null);
            return new ProviderCallbackAnswer(r.statusCode(), ct, r.body(), headers, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected ProviderCallbackAnswer call(TestProvider p, String op, Seat seat, String token, String tx, String ref, String round,
                                          String amount, boolean roundClosed) {
        ProviderCallback cb = p.driver().render(new ProtocolDriver.Call(op, p.id(), seat.playerId().toString(), token, tx, ref, round,
                amount == null ? null : io.hub.contracts.money.Money.parse(amount, io.hub.contracts.money.CurrencyUnit.of("EUR")),
                roundClosed, UUID.randomUUID().toString()));
        assertThat(cb).as(op + " renders for " + p.config().protocol()).isNotNull();
        return send(cb);
    }
}
