package io.hub.app.providers.wallet.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * {@code check-session}, {@code balance} (provider calls) or {@code rotate-session}, {@code expire-session}, {@code age-days}, {@code fail-next}, {@code sweep}
     * (the kit acts on the hub). Ids ({@code tx}, {@code ref}, {@code round}, {@code request}) are made unique per run.
     *
     * @param token            {@code old} (the token replaced by the last rotate-session) or null for the current one
     * @param expect           OK, a {@code WalletRejection} name, REPLAY, UNKNOWN_ROLLBACK, TOKEN_ON_WIN, GAME_CHECK
     *                         (a bet on a game code the catalogue never held: UNKNOWN_GAME under {@code gameCheck}
     *                         STRICT, else OK), CREDIT_AFTER_SETTLE (a further credit for a settled bet: ALREADY_SETTLED
     *                         under {@code creditAfterSettle} REJECT or {@code settlement} GAMEWISE, else OK),
     *                         BET_ON_CLOSED_ROUND (a bet on a round the earlier steps closed: ROUND_CLOSED where the
     *                         protocol closes it (Hub88 {@code round_closed}, Pragmatic {@code endRound}, any protocol
     *                         under {@code settlement} GAMEWISE), else OK)
     *                         or BALANCE_LIMIT (INVALID_AMOUNT when {@code balance} exceeds the largest balance the
     *                         protocol can express, {@code ProviderAdapter.maxBalanceMinor}, else OK)
     * @param balance          the player's cash after the step (major units) when the outcome is OK (or fixed)
     * @param balanceIfRefused the cash when an earlier or this policy-dependent step was refused by the policy
     * @param responseBalance  the balance the provider-format answer must carry
     * @param responseBalanceIfAny the balance the answer must carry if it carries one (e.g. a decode refusal, which
     *                         some protocols answer without a balance)
     * @param amountText       the amount exactly as the provider sends it (major units), instead of {@code amount}: for
     *                         amounts the currency cannot hold (e.g. {@code "1.001"} EUR)
     * @param moves            the step moves money when it succeeds (one ledger transaction, one Kafka record)
     * @param game             {@code unlisted}: the call names a run-unique game code no catalogue holds; null: the
     *                         provider's playable game the kit picked ({@link ConformanceKit#playableGame})
     */
    public record Step(String op, String tx, String ref, String round, String amount, String request, boolean roundClosed,
                       String token, String expect, String balance, String balanceIfRefused, String responseBalance,
                       String responseBalanceIfAny, String amountText, boolean moves, Integer days, String game) {
    }

    /**
     * The scenarios file.
     *
     * @param statuses the protocol answer each canonical outcome must get, per protocol ({@code HUB88},
     *                 {@code PRAGMATIC}, {@code EVOLUTION}), written from providers.md rather than taken from the adapter
     *                 under test, so a wrong entry in an adapter's error table fails the kit; an outcome not listed is
     *                 expected as the adapter's table says
     */
    private record Document(String about, Map<String, Map<String, String>> statuses, List<Scenario> scenarios) {
    }

    /** The scenarios shipped with the hub. */
    public static List<Scenario> load() {
        return document().scenarios();
    }

    /** The reference answer of a canonical outcome ({@code OK} excluded) in a protocol, if the scenarios file pins one. */
    public static Optional<String> referenceStatus(String protocol, String canonical) {
        Map<String, Map<String, String>> s = document().statuses();
        return Optional.ofNullable(s == null ? null : s.get(canonical)).map(m -> m.get(protocol));
    }

    private static volatile Document cached;

    private static Document document() {
        Document d = cached;
        if (d != null) return d;
        try (InputStream in = ConformanceScenarios.class.getResourceAsStream("/conformance/scenarios.json")) {
            if (in == null) throw new IllegalStateException("conformance/scenarios.json is missing from the classpath");
            d = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(in, Document.class);
            cached = d;
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
