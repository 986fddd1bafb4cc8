package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.providers.ProviderProtocol;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.providers.pragmatic.PragmaticSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Odd but correctly signed provider callbacks found by the fresh-eyes review: they used to end as the protocol's
 * "internal error, retry" answer (Pragmatic 100) with a stack trace in the log, so a provider would retry them for
 * ever. Each must be a bad request (Pragmatic 7) that writes nothing.
 */
class ProviderCallbackOddInputTest extends ProviderWalletTestSupport {
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    private int pragmaticBetError(TestProvider p, Seat s, String reference, String roundId) {
        Map<String, String> bet = new LinkedHashMap<>(Map.of("providerId", "PragmaticPlay", "userId", s.playerId().toString(),
                "gameId", "vs20", "roundId", roundId, "amount", "2.50", "reference", reference, "timestamp", "1700000000000"));
        bet.put("hash", new PragmaticSignature(p.config().credentials().secret(), false).hash(bet));
        StringJoiner j = new StringJoiner("&");
        bet.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return json(send(new ProviderCallback(p.id(), "bet.html", j.toString().getBytes(StandardCharsets.UTF_8), FORM, Map.of())).bodyText())
                .get("error").asInt();
    }

    @Test
    void aSignedCallbackWithANulCharacterIsABadRequestNotAnInternalError() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        Seat s = seat(p, "100.00");
        assertThat(pragmaticBetError(p, s, "ref-\u0000-" + UUID.randomUUID(), "1001")).isEqualTo(7);
        assertThat(pragmaticBetError(p, s, "ref-" + UUID.randomUUID(), "round\u0000")).isEqualTo(7);
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId())).isZero();
        // the same bet without the NUL is accepted: the refusal was about the character, not the request
        assertThat(pragmaticBetError(p, s, "ref-" + UUID.randomUUID(), "1001")).isZero();
        assertThat(cashMinor(s.playerId())).isEqualTo(9_750);
        assertLedgerBalanced();
    }

    @Test
    void aSignedCallbackWithAnOverlongTransactionIdIsABadRequestNotAnInternalError() {
        TestProvider p = provider(ProviderProtocol.PRAGMATIC);
        Seat s = seat(p, "100.00");
        assertThat(pragmaticBetError(p, s, "r".repeat(181), "1001")).isEqualTo(7);
        assertThat(cashMinor(s.playerId())).isEqualTo(10_000);
        assertThat(providerTransactions(s.playerId())).isZero();
        assertThat(pragmaticBetError(p, s, "r".repeat(180), "1001")).isZero();
        assertThat(cashMinor(s.playerId())).isEqualTo(9_750);
    }
}
