package io.hub.games.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.games.InHouseGames;
import io.hub.games.math.Fraction;
import io.hub.games.math.ParSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A game the engine was not built around ({@code games-unseen/multiplier-sevens.json}: 3x3, 5 lines, two multiplier
 * wilds whose multipliers combine, symbol groups) checked against a brute-force evaluator written here from the
 * format's rules. The evaluator reads the JSON tree itself and uses no engine class: it walks every stop
 * combination, builds the window of symbol names, and pays each line its best entry after multipliers.
 */
class MultiplierSevensTest {
    private static final String RESOURCE = "/games-unseen/multiplier-sevens.json";
    private static JsonNode json;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = MultiplierSevensTest.class.getResourceAsStream(RESOURCE)) {
            json = new ObjectMapper().readTree(in);
        }
    }

    private static SlotGame engineGame(JsonNode definition) throws Exception {
        return InHouseGames.load(new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(definition)));
    }

    // ------------------------------------------------------------------ the independent evaluator

    /** Exact sums over every stop combination: rounds, total win, total squared win, paying rounds (line-bet units). */
    record Brute(BigInteger rounds, BigInteger win, BigInteger winSquared, BigInteger hits, int lines) {
        Fraction rtp() {
            return Fraction.of(win, rounds.multiply(BigInteger.valueOf(lines)));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Brute bruteForce(JsonNode def) {
        int rows = def.get("rows").asInt();
        List<List<String>> reels = new ArrayList<>();
        def.get("reels").forEach(r -> reels.add(strings(r)));
        Map<String, Set<String>> groups = new HashMap<>();
        def.get("groups").fields().forEachRemaining(e -> groups.put(e.getKey(), new HashSet<>(strings(e.getValue()))));
        Set<String> wilds = new HashSet<>(strings(def.get("wild").get("symbols")));
        Set<String> notSubstituted = new HashSet<>(strings(def.get("wild").get("except")));
        Map<String, Integer> multipliers = new HashMap<>();
        def.get("multipliers").get("symbols").fields().forEachRemaining(e -> multipliers.put(e.getKey(), e.getValue().asInt()));
        boolean add = def.get("multipliers").get("combine").asText().equals("add");
        List<List<Integer>> lines = new ArrayList<>();
        def.get("paylines").forEach(l -> {
            List<Integer> rowsOfLine = new ArrayList<>();
            l.forEach(x -> rowsOfLine.add(x.asInt()));
            lines.add(rowsOfLine);
        });
        List<List<String>> patterns = new ArrayList<>();
        List<Long> pays = new ArrayList<>();
        for (JsonNode e : def.get("paytable")) {
            patterns.add(strings(e.get("pattern")));
            pays.add(e.get("pays").asLong());
        }
        List<String> allSymbols = strings(def.get("symbols"));

        BigInteger rounds = BigInteger.ZERO, win = BigInteger.ZERO, win2 = BigInteger.ZERO, hits = BigInteger.ZERO;
        int n0 = reels.get(0).size(), n1 = reels.get(1).size(), n2 = reels.get(2).size();
        for (int a = 0; a < n0; a++) {
            for (int b = 0; b < n1; b++) {
                for (int c = 0; c < n2; c++) {
                    int[] stops = {a, b, c};
                    long roundWin = 0;
                    for (List<Integer> line : lines) {
                        String[] shown = new String[3];
                        for (int r = 0; r < 3; r++) {
                            List<String> strip = reels.get(r);
                            shown[r] = strip.get((stops[r] + line.get(r)) % strip.size());
                        }
                        long best = 0;
                        for (int e = 0; e < patterns.size(); e++) {
                            List<String> pattern = patterns.get(e);
                            boolean match = true;
                            for (int p = 0; p < pattern.size() && match; p++) {
                                Set<String> accepted = groups.containsKey(pattern.get(p)) ? groups.get(pattern.get(p)) : Set.of(pattern.get(p));
                                boolean wildFits = wilds.contains(shown[p]) && allSymbols.stream()
                                        .anyMatch(s -> accepted.contains(s) && !wilds.contains(s) && !notSubstituted.contains(s));
                                match = accepted.contains(shown[p]) || wildFits;
                            }
                            if (!match) continue;
                            long product = 1, sum = 0;
                            for (int p = 0; p < pattern.size(); p++) {
                                Integer m = multipliers.get(shown[p]);
                                if (m != null) {
                                    product *= m;
                                    sum += m;
                                }
                            }
                            long factor = sum == 0 ? 1 : (add ? sum : product);
                            best = Math.max(best, pays.get(e) * factor);
                        }
                        roundWin += best;
                    }
                    rounds = rounds.add(BigInteger.ONE);
                    win = win.add(BigInteger.valueOf(roundWin));
                    win2 = win2.add(BigInteger.valueOf(roundWin).pow(2));
                    if (roundWin > 0) hits = hits.add(BigInteger.ONE);
                }
            }
        }
        assertThat(rows).isEqualTo(3);
        return new Brute(rounds, win, win2, hits, lines.size());
    }

    private static void assertSameFraction(Fraction engine, BigInteger num, BigInteger den) {
        assertThat(engine.numerator().multiply(den)).as(engine + " vs " + num + "/" + den).isEqualTo(num.multiply(engine.denominator()));
    }

    private static void assertEngineAgrees(JsonNode def) throws Exception {
        Brute b = bruteForce(def);
        SlotGame game = engineGame(def);
        ParSheet sheet = game.lobbyParSheet();
        BigInteger totalBetUnits = b.rounds().multiply(BigInteger.valueOf(b.lines()));
        assertSameFraction(sheet.totalReturn(), b.win(), totalBetUnits);
        ParSheet.Enumeration e = sheet.enumeration().orElseThrow();
        assertSameFraction(e.hitFrequency(), b.hits(), b.rounds());
        // variance of the round win / total bet: E[X^2] - E[X]^2 with X = win / lines
        BigInteger l2 = BigInteger.valueOf((long) b.lines() * b.lines());
        Fraction ex2 = Fraction.of(b.winSquared(), b.rounds().multiply(l2));
        Fraction ex = Fraction.of(b.win(), totalBetUnits);
        Fraction variance = ex2.minus(ex.times(ex));
        assertSameFraction(e.variance(), variance.numerator(), variance.denominator());
        assertThat(e.combinations()).isEqualTo(b.rounds().longValueExact());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void exactReturnEqualsTheBruteForceEvaluator() throws Exception {
        Brute b = bruteForce(json);
        assertThat(b.rounds()).isEqualTo(BigInteger.valueOf(8000));
        // the published figure of this file (docs/games/multiplier-sevens-par.txt): 7323/8000 = 91.5375 %
        assertThat(b.rtp()).isEqualTo(Fraction.of(7323, 8000));
        assertEngineAgrees(json);
        SlotGame game = engineGame(json);
        assertThat(game.descriptor().rtp()).isEqualByComparingTo("0.9154");
    }

    @Test
    void additiveMultipliersAlsoMatch() throws Exception {
        ObjectNode add = json.deepCopy();
        ((ObjectNode) add.get("multipliers")).put("combine", "add");
        Brute multiply = bruteForce(json), sum = bruteForce(add);
        assertThat(sum.win()).isNotEqualTo(multiply.win()); // x2 and x3 together: x5 instead of x6, changes the RTP
        assertEngineAgrees(add);
    }

    @Test
    void multipliersCombineOnAWinningLineAndPickTheBestEntryAfterwards() throws Exception {
        SlotGame game = engineGame(json);
        // Seven, Wild x2, Wild x3: three sevens (50) x 2 x 3
        assertThat(game.linePay(List.of("Seven", "Wild x2", "Wild x3"), 1)).contains(new SlotGame.LinePay("Seven, Seven, Seven", 300));
        // Cherry, Wild x3, Lemon: "any fruit" (2) x 3 = 6 beats "Cherry, Cherry" (1) x 3 = 3
        assertThat(game.linePay(List.of("Cherry", "Wild x3", "Lemon"), 1)).contains(new SlotGame.LinePay("any fruit, any fruit, any fruit", 6));
        // Cherry, Wild x2, Blank: only the two-cherry entry matches, doubled
        assertThat(game.linePay(List.of("Cherry", "Wild x2", "Blank"), 1)).contains(new SlotGame.LinePay("Cherry, Cherry", 2));
        // Bar, Seven, Wild x3: the group "any bar or seven" (5) x 3
        assertThat(game.linePay(List.of("Bar", "Seven", "Wild x3"), 1)).contains(new SlotGame.LinePay("any bar or seven, any bar or seven, any bar or seven", 15));
        // a wild does not stand in for Blank (wild.except)
        assertThat(game.linePay(List.of("Blank", "Wild x2", "Wild x2"), 1)).isEmpty();
    }

    @Test
    void aPlayedRoundPaysTheLineBetTimesTheCombinedMultiplier() throws Exception {
        SlotGame game = engineGame(json);
        // find stops whose middle line reads Seven, Wild x3, Wild x2 from the strips themselves
        List<List<String>> reels = new ArrayList<>();
        json.get("reels").forEach(r -> reels.add(strings(r)));
        int a = (reels.get(0).indexOf("Seven") - 1 + 20) % 20;
        int b = (reels.get(1).indexOf("Wild x3") - 1 + 20) % 20;
        int c = (reels.get(2).indexOf("Wild x2") - 1 + 20) % 20;
        var outcome = game.evaluate(List.of(a, b, c), 500, 1); // 5 lines x 100 minor units
        assertThat(List.of(outcome.window().get(0).get(1), outcome.window().get(1).get(1), outcome.window().get(2).get(1)))
                .containsExactly("Seven", "Wild x3", "Wild x2");
        assertThat(outcome.wins()).anySatisfy(w -> {
            assertThat(w.description()).contains("on line 1").contains("symbol multiplier x6");
            assertThat(w.multiplier()).isEqualTo(300);
            assertThat(w.amountMinor()).isEqualTo(30_000);
        });
    }

    @Test
    void refusesBadMultiplierAndWildDefinitions() {
        java.util.function.Function<java.util.function.Consumer<ObjectNode>, String> error = change -> {
            ObjectNode copy = json.deepCopy();
            change.accept(copy);
            try {
                engineGame(copy);
                return "accepted";
            } catch (GameDefinitionException e) {
                return e.getMessage();
            } catch (Exception e) {
                return e.toString();
            }
        };
        assertThat(error.apply(d -> ((ObjectNode) d.get("multipliers")).put("combine", "max"))).contains("multipliers.combine must be 'multiply' or 'add'");
        assertThat(error.apply(d -> ((ObjectNode) d.get("multipliers").get("symbols")).put("Wild x4", 4))).contains("multipliers.symbols: unknown symbol Wild x4");
        assertThat(error.apply(d -> ((ObjectNode) d.get("multipliers").get("symbols")).put("Wild x2", 0))).contains("positive integers");
        assertThat(error.apply(d -> ((ObjectNode) d.get("wild")).put("symbol", "Wild x2"))).contains("'symbol' or 'symbols', not both");
        assertThat(error.apply(d -> ((ObjectNode) d.get("wild")).putArray("symbols").add("Wild x2").add("Wild x2"))).contains("distinct symbols");
        assertThat(error.apply(d -> ((ObjectNode) d.get("wild")).putArray("symbols").add("Joker"))).contains("wild: unknown symbol Joker");
    }
}
