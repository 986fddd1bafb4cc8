package io.hub.games.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.contracts.game.SpinOutcome;
import io.hub.games.InHouseGames;
import io.hub.games.math.Fraction;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import io.hub.games.rng.SeededRandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Atkins Diet (5x3, 20 lines, wild, scatter, free spins) against shared/par/atkins-diet.json. */
class AtkinsDietTest {
    private static SlotGame game;
    private static JsonNode par;

    @BeforeAll
    static void load() throws Exception {
        game = InHouseGames.loadResource("games/atkins-diet.json");
        try (InputStream in = AtkinsDietTest.class.getResourceAsStream("/par/atkins-diet.json")) {
            par = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void definitionMatchesThePar() {
        SlotDefinition def = game.definition();
        for (int r = 0; r < 5; r++) {
            List<String> strip = new ArrayList<>();
            par.get("reels").get(r).forEach(n -> strip.add(n.asText()));
            assertThat(def.reels().get(r)).isEqualTo(strip).hasSize(32);
        }
        assertThat(def.rows()).isEqualTo(3);
        assertThat(def.paylines()).hasSize(20);
        for (int l = 0; l < 20; l++) {
            List<Integer> rows = new ArrayList<>();
            par.get("paylines_unverified").get(l).forEach(n -> rows.add(n.asInt()));
            assertThat(def.paylines().get(l)).isEqualTo(rows);
        }
        int lineEntries = 0;
        for (JsonNode e : par.get("paytable")) {
            List<String> pattern = new ArrayList<>();
            e.get("symbols").forEach(n -> pattern.add(n.asText()));
            long pays = e.get("pays").asLong();
            if (e.get("kind").asText().equals("line")) {
                SlotDefinition.PayEntry ours = def.paytable().get(lineEntries++);
                assertThat(ours.pattern()).isEqualTo(pattern);
                assertThat(ours.pays()).containsExactlyEntriesOf(java.util.Map.of(1, pays));
            } else {
                assertThat(def.scatters().get(0).symbol()).isEqualTo("Scale");
                assertThat(def.scatters().get(0).payByCount()).containsEntry(e.get("count").asInt(), pays);
            }
        }
        assertThat(def.paytable()).hasSize(lineEntries);
        assertThat(def.wild()).contains(new SlotDefinition.Wild("Atkins", List.of("Scale")));
        assertThat(def.freeSpins()).contains(new SlotDefinition.FreeSpins("Scale", 3, 10, 3, true));
        assertThat(def.bet().mode()).isEqualTo(SlotDefinition.BetMode.LINES);
    }

    @Test
    void exactReturnReproducesThePublishedFigures() {
        ParSheet s = PayTableMath.analyze(game.engine(), 1);
        assertThat(s.totalReturn()).isEqualTo(Fraction.parse("60651793523489/62498132721664"));
        // published: 97.046% total, 63.460% line, 6.976% scatter, 26.610% bonus (3 places of a percent)
        assertThat(s.totalReturn().toBigDecimal(5)).isEqualByComparingTo("0.97046");
        assertThat(s.lineReturn().toBigDecimal(5)).isEqualByComparingTo("0.63460");
        assertThat(s.scatterReturn().toBigDecimal(5)).isEqualByComparingTo("0.06976");
        assertThat(s.freeSpinReturn().toBigDecimal(5)).isEqualByComparingTo("0.26610");
        assertThat(s.triggerProbability().toBigDecimal(6)).isEqualByComparingTo("0.011185");
        assertThat(s.expectedFreeSpins().toBigDecimal(6)).isEqualByComparingTo("11.259335");
        assertThat(s.bonusPerTrigger().toBigDecimal(6)).isEqualByComparingTo("23.791632");
        assertThat(s.lineHitFrequency().toBigDecimal(4)).isEqualByComparingTo("0.0545");
        // the throwaway script's exact parts in the PAR file
        assertThat(s.lineHitFrequency()).isEqualTo(Fraction.of(1787, 32768)); // 0.054534912109375
        assertThat(s.lineReturn().toBigDecimal(16)).isEqualByComparingTo("0.6345965564250946");
        assertThat(s.totalReturn().plus(Fraction.ZERO)).isEqualTo(s.lineReturn().plus(s.scatterReturn()).plus(s.freeSpinReturn()));
        assertThat(game.descriptor().rtp()).isEqualByComparingTo("0.9705");
        assertThat(game.descriptor().reels()).isEqualTo(5);
        assertThat(game.descriptor().rows()).isEqualTo(3);
    }

    @Test
    void fullEnumerationAgreesAndGivesTheDeclaredVolatility() {
        ParSheet s = PayTableMath.enumerate(game.engine(), 1); // 32^5 stop combinations, under ~2 s
        ParSheet.Enumeration e = s.enumeration().orElseThrow();
        assertThat(e.combinations()).isEqualTo(33_554_432L);
        assertThat(e.totalReturn()).isEqualTo(s.totalReturn());
        assertThat(e.hitFrequency()).isEqualTo(Fraction.of(15_537_869, 33_554_432));
        assertThat(e.standardDeviation()).isBetween(new BigDecimal("4.3"), new BigDecimal("4.4"));
        assertThat(SlotGame.volatilityOf(e.standardDeviation())).isEqualTo(game.definition().volatility().orElseThrow())
                .isEqualTo(game.descriptor().volatility());
    }

    private static long line(String... symbols) {
        return game.linePay(Arrays.asList(symbols), 1).map(SlotGame.LinePay::pays).orElse(0L);
    }

    @Test
    void wildSubstitutesExceptForTheScatterAndTheHighestLineWinIsPaid() {
        assertThat(line("Atkins", "Atkins", "Steak", "Steak", "Ham")).isEqualTo(200);   // Steak x4, not Atkins x2
        assertThat(line("Atkins", "Atkins", "Atkins", "Atkins", "Atkins")).isEqualTo(5000);
        assertThat(line("Atkins", "Atkins", "Atkins", "Steak", "Ham")).isEqualTo(200);  // Steak x4 (200) > Atkins x3 (50)
        assertThat(line("Atkins", "Atkins", "Atkins", "Scale", "Ham")).isEqualTo(50);   // Atkins x3 (50) > Steak x3 (40)
        assertThat(line("Atkins", "Atkins", "Cheese", "Ham", "Ham")).isEqualTo(15);    // Cheese x3 via two wilds (15) > Atkins x2 (5)
        assertThat(line("Atkins", "Atkins", "Scale", "Ham", "Ham")).isEqualTo(5);      // Atkins x2 (5) > Steak x2 via wilds (3)
        assertThat(line("Ham", "Atkins", "Ham", "Bacon", "Bacon")).isEqualTo(30);
        assertThat(line("Sausage", "Sausage", "Bacon", "Bacon", "Bacon")).isZero();    // no Sausage x2 pay
        assertThat(line("Bacon", "Bacon", "Bacon", "Bacon", "Bacon")).isEqualTo(50);
        assertThat(line("Scale", "Atkins", "Atkins", "Scale", "Scale")).isZero();      // left-aligned, Scale not a line symbol
        assertThat(line("Steak", "Steak", "Scale", "Steak", "Steak")).isEqualTo(3);
        assertThat(line("Mayonnaise", "Atkins", "Mayonnaise", "Atkins", "Mayonnaise")).isEqualTo(50);
    }

    @Test
    void scatterPaysOnTheTotalBetAndTriggers() {
        // Scale at reel1[0], reel2[20], reel3[3], reel4[3], reel5[1]: stops there show it on the top row
        SlotEngine.Evaluation five = game.engine().evaluate(new int[]{0, 20, 3, 3, 1}, 1);
        assertThat(five.triggersFreeSpins()).isTrue();
        assertThat(five.scatterWins()).singleElement().satisfies(w -> {
            assertThat(w.count()).isEqualTo(5);
            assertThat(w.pay()).isEqualTo(100);
        });
        SpinOutcome o = game.evaluate(List.of(0, 20, 3, 10, 5), 200, 1); // 3 Scales; line bet 10
        SpinOutcome.Win scatter = o.wins().stream().filter(w -> w.description().contains("scatter")).findFirst().orElseThrow();
        assertThat(scatter.amountMinor()).isEqualTo(5 * 200);
        assertThat(scatter.multiplier()).isEqualTo(5 * 20); // x line bet
        assertThat(o.payoutMinor()).isEqualTo(o.wins().stream().mapToLong(SpinOutcome.Win::amountMinor).sum());
        o.wins().stream().filter(w -> w.description().contains(" on line ")).forEach(w -> assertThat(w.amountMinor()).isEqualTo(10 * w.multiplier()));
        assertThat(o.window()).hasSize(5).allSatisfy(col -> assertThat(col).hasSize(3));
        assertThat(o.window().get(0)).containsExactly("Scale", "Mayonnaise", "Ham");
    }

    @Test
    void betMustCoverTwentyLines() {
        assertThat(game.checkBet(200)).isEmpty();
        assertThat(game.checkBet(150)).contains("bet must be a multiple of 20 minor units (one per line)");
        assertThat(game.checkBet(20)).isEmpty();
        assertThat(game.betUnits()).isEqualTo(20);
    }

    @Test
    void freeSpinsAreTripledAndPartOfTheRound() {
        SeededRandomSource rng = new SeededRandomSource(5);
        SlotRound round = null;
        for (int i = 0; i < 100_000 && round == null; i++) {
            SlotRound r = game.playRound(rng, 200, 1);
            if (!r.freeSpins().isEmpty()) round = r;
        }
        assertThat(round).isNotNull();
        assertThat(round.base().triggersFreeSpins()).isTrue();
        long retriggers = round.freeSpins().stream().filter(SlotRound.Spin::triggersFreeSpins).count();
        assertThat(round.freeSpins()).hasSize((int) (10 + 10 * retriggers));
        long total = round.base().winMinor();
        for (SlotRound.Spin fs : round.freeSpins()) {
            long base = game.evaluate(fs.stops(), 200, 1).payoutMinor();
            assertThat(fs.winMinor()).isEqualTo(3 * base);
            total += fs.winMinor();
        }
        assertThat(round.payoutMinor()).isEqualTo(total)
                .isEqualTo(round.wins().stream().mapToLong(SpinOutcome.Win::amountMinor).sum());
        assertThat(round.toOutcome().stops()).isEqualTo(round.base().stops());
    }

    @Test
    void seededSimulationIncludingFreeSpinsMatchesTheExactReturn() {
        int rounds = 300_000;
        SeededRandomSource rng = new SeededRandomSource(97046);
        long paid = 0;
        for (int i = 0; i < rounds; i++) paid += game.play(rng, 20).payoutMinor();
        double rtp = paid / (20.0 * rounds);
        double sd = game.lobbyParSheet().enumeration().map(e -> e.standardDeviation().doubleValue()).orElse(4.373125);
        double half = 2.5758 * sd / Math.sqrt(rounds);
        assertThat(rtp).isBetween(0.9704577 - half, 0.9704577 + half);
    }
}
