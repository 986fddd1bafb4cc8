package io.hub.app.providers.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.app.HubIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A win addressed by round (Pragmatic result) must not read every bet of the provider: the plan uses the round index. */
class ProviderBetRoundIndexTest extends HubIntegrationTest {
    @Test
    void round_addressed_bet_lookups_use_the_round_index_not_a_scan_of_the_providers_bets() {
        List<String> plan = jdbc.execute((java.sql.Connection c) -> {
            try (var st = c.createStatement()) {
                st.execute("SET enable_seqscan = off");
                List<String> lines = new java.util.ArrayList<>();
                try (var rs = st.executeQuery("EXPLAIN SELECT state FROM provider_bet WHERE provider_id = 'p' AND"
                        + " player_id = '00000000-0000-0000-0000-000000000000' AND round_id = 'r'")) {
                    while (rs.next()) lines.add(rs.getString(1));
                }
                st.execute("RESET enable_seqscan");
                return lines;
            }
        });
        assertThat(String.join("\n", plan)).contains("provider_bet_round");
    }
}
