package io.hub.games.slot;

import io.hub.contracts.game.SpinOutcome;
import io.hub.games.InHouseGames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedWhiteBlueEvaluationTest {
    private static final SlotGame RWB = InHouseGames.loadResource("games/red-white-blue.json");

    private static long pays(int coins, String... line) {
        return RWB.linePay(Arrays.asList(line), coins).map(SlotGame.LinePay::pays).orElse(0L);
    }

    private static String entry(String... line) {
        return RWB.linePay(Arrays.asList(line), 1).map(SlotGame.LinePay::entry).orElse("none");
    }

    @Test
    void topAwardIsOrderedRedWhiteBlueSevens() {
        assertThat(pays(1, "Red 7", "White 7", "Blue 7")).isEqualTo(2400);
        assertThat(pays(2, "Red 7", "White 7", "Blue 7")).isEqualTo(4800);
        assertThat(pays(3, "Red 7", "White 7", "Blue 7")).isEqualTo(10000);
        // other orders are just mixed sevens
        assertThat(pays(1, "Blue 7", "White 7", "Red 7")).isEqualTo(80);
        assertThat(pays(1, "White 7", "Red 7", "Blue 7")).isEqualTo(80);
    }

    @ParameterizedTest(name = "{0} | {1} | {2} pays {3}")
    @CsvSource({
            "Red 7, Red 7, Red 7, 1199",
            "White 7, White 7, White 7, 200",
            "Blue 7, Blue 7, Blue 7, 150",
            "Red 7, Blue 7, Blue 7, 80",
            "White 7, White 7, Red 7, 80",
            "1 bar, 2 bar, 3 bar, 50",
            "3 bar, 3 bar, 3 bar, 40",
            "2 bar, 2 bar, 2 bar, 25",
            "Red 7, White 7, 3 bar, 20",
            "1 bar, 2 bar, Blue 7, 20",
            "Red 7, 2 bar, Blue 7, 20",
            "1 bar, 1 bar, 1 bar, 10",
            "3 bar, 2 bar, 1 bar, 5",
            "2 bar, 1 bar, 1 bar, 5",
            "Red 7, 1 bar, 1 bar, 2",
            "1 bar, Red 7, Red 7, 2",
            "White 7, 2 bar, 2 bar, 2",
            "3 bar, Blue 7, 3 bar, 2",
            "Blank, Blank, Blank, 1",
            "Red 7, Red 7, Blank, 0",
            "Blank, Red 7, Red 7, 0",
            "Red 7, Blank, Blank, 0",
            "Red 7, 2 bar, Blank, 0",
            "3 bar, 1 bar, Red 7, 0",
            "White 7, White 7, 3 bar, 0"
    })
    void oneCoinPays(String a, String b, String c, long expected) {
        assertThat(pays(1, a, b, c)).isEqualTo(expected);
    }

    @Test
    void onlyTheHighestWinIsPaid() {
        // Red7-White7-Blue7 is also any seven (80) and red/white/blue (20): only 2400 is paid
        assertThat(entry("Red 7", "White 7", "Blue 7")).isEqualTo("Red 7, White 7, Blue 7");
        // Red7 x3 is also any seven and any red: 1199 only
        assertThat(entry("Red 7", "Red 7", "Red 7")).isEqualTo("Red 7, Red 7, Red 7");
        // 1bar-2bar-3bar is also red-white-blue (20) and any bar (5): 50 only
        assertThat(entry("1 bar", "2 bar", "3 bar")).isEqualTo("1 bar, 2 bar, 3 bar");
        // 1 bar x3 is also any bar (5) and any red (2): 10 only
        assertThat(entry("1 bar", "1 bar", "1 bar")).isEqualTo("1 bar, 1 bar, 1 bar");
        // 3 bar x3 (40) beats any bar and any blue
        assertThat(entry("3 bar", "3 bar", "3 bar")).isEqualTo("3 bar, 3 bar, 3 bar");
    }

    @Test
    void payoutIsTheBetTimesTheMultiplierExactly() {
        // stops: reel1 index 0 = Red 7; reel2 index 3 = White 7; reel3 index 8 = Blue 7
        SpinOutcome o = RWB.evaluate(List.of(0, 3, 8), 150, 1);
        assertThat(o.window()).containsExactly(List.of("Red 7"), List.of("White 7"), List.of("Blue 7"));
        assertThat(o.payoutMinor()).isEqualTo(150L * 2400);
        assertThat(o.wins()).singleElement().satisfies(w -> {
            assertThat(w.multiplier()).isEqualTo(2400);
            assertThat(w.amountMinor()).isEqualTo(360_000);
            assertThat(w.description()).contains("Red 7, White 7, Blue 7");
        });
        // three blanks (stops 32+) pay 1x: the bet back
        assertThat(RWB.evaluate(List.of(40, 50, 63), 150, 1).payoutMinor()).isEqualTo(150);
        // a losing window
        SpinOutcome lose = RWB.evaluate(List.of(0, 40, 40), 150, 1);
        assertThat(lose.payoutMinor()).isZero();
        assertThat(lose.wins()).isEmpty();
        // odd bets are fine for one coin
        assertThat(RWB.evaluate(List.of(26, 18, 9), 7, 1).payoutMinor()).isEqualTo(7L * 50);
    }

    @Test
    void coinCountDependentPays() {
        // 3 coins of 50 (bet 150): 10000 coin-values for the top award
        assertThat(RWB.evaluate(List.of(0, 3, 8), 150, 3).payoutMinor()).isEqualTo(50L * 10000);
        assertThat(RWB.evaluate(List.of(0, 3, 8), 150, 2).payoutMinor()).isEqualTo(75L * 4800);
        assertThat(RWB.checkBet(151, 2)).contains("bet must be a multiple of 2 minor units (one per coin)");
        assertThat(RWB.checkBet(151, 1)).isEmpty();
        assertThat(RWB.checkBet(151)).isEmpty();
        assertThat(RWB.checkBet(0)).isPresent();
        assertThat(RWB.checkBet(-5)).isPresent();
        assertThat(RWB.checkBet(150, 4)).isPresent();
        assertThatThrownBy(() -> RWB.evaluate(List.of(0, 3, 8), 151, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RWB.evaluate(List.of(0, 3, 64), 150, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
