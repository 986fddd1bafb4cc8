package io.hub.app.providers.wallet.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The conformance scenarios as data ({@code classpath:conformance/scenarios.json}): every failure case of
 * providers.md §3 written once in canonical terms; {@link ProtocolDriver}s render them into each protocol's requests.
 */
public final class ConformanceScenarios {
    private ConformanceScenarios() {
    }

    /** One scenario: a fresh player funded with {@code initial} (major units), then the steps in order. */
    public record Scenario(String id, String section, String title, String initial, List<Step> steps) {
    }

    /**
     * One step. {@code op}: {@code bet}, {@code win}, {@code rollback}, {@code promo}, {@code end-round},
     * {@code check-session} (provider calls) or {@code rotate-session}, {@code expire-session}, {@code age-days}, {@code fail-next}, {@code sweep}
     * (the kit acts on the hub). Ids ({@code tx}, {@code ref}, {@code round}, {@code request}) are made unique per run.
     *
     * @param token            {@code old} (the token replaced by the last rotate-session) or null for the current one
     * @param expect           OK, a {@code WalletRejection} name, REPLAY, UNKNOWN_ROLLBACK, TOKEN_ON_WIN or GAME_CHECK
     *                         (a bet on a game code the catalogue never held: UNKNOWN_GAME under {@code gameCheck}
     *                         STRICT, else OK)
     * @param balance          the player's cash after the step (major units) when the outcome is OK (or fixed)
     * @param balanceIfRefused the cash when an earlier or this policy-dependent step was refused by the policy
     * @param responseBalance  the balance the provider-format answer must carry, when it carries one
     * @param moves            the step moves money when it succeeds (one ledger transaction, one Kafka record)
     * @param game             {@code unlisted}: the call names a run-unique game code no catalogue holds; null: the
     *                         provider's playable game the kit picked ({@link ConformanceKit#playableGame})
     */
    public record Step(String op, String tx, String ref, String round, String amount, String request, boolean roundClosed,
                       String token, String expect, String balance, String balanceIfRefused, String responseBalance,
                       boolean moves, Integer days, String game) {
    }

    private record Document(String about, List<Scenario> scenarios) {
    }

    /** The scenarios shipped with the hub. */
    public static List<Scenario> load() {
        try (InputStream in = ConformanceScenarios.class.getResourceAsStream("/conformance/scenarios.json")) {
            if (in == null) throw new IllegalStateException("conformance/scenarios.json is missing from the classpath");
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Document.class).scenarios();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
