package io.hub.games;

import io.hub.contracts.game.InHouseGame;
import io.hub.games.math.Fraction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The lobby figures of the built-in games, exact and computed at load (not declared, not simulated). */
class GameMathTest {
    private static final Map<String, GameMath> MATH = InHouseGames.builtIn().stream()
            .collect(Collectors.toMap(g -> g.descriptor().gameId(), g -> InHouseGames.math(g).orElseThrow()));

    @Test
    void redWhiteBlue() {
        GameMath m = MATH.get("red-white-blue");
        assertThat(m.coins()).isEqualTo(1);
        assertThat(m.rtp()).isEqualTo(Fraction.of(113477, 131072));
        assertThat(m.rtp(4)).isEqualByComparingTo("0.8658");
        assertThat(m.hitFrequency()).contains(Fraction.of(1421, 8192));
        assertThat(m.standardDeviation().orElseThrow()).isEqualByComparingTo("9.061798");
        assertThat(m.volatility()).isEqualTo("medium");
        assertThat(m.volatilityDeclared()).isFalse();
    }

    @Test
    void atkinsDietIsEnumeratedAtLoadToo() {
        GameMath m = MATH.get("atkins-diet");
        assertThat(m.rtp()).isEqualTo(Fraction.parse("60651793523489/62498132721664"));
        assertThat(m.rtp(4)).isEqualByComparingTo("0.9705");
        assertThat(m.hitFrequency()).contains(Fraction.of(15537869, 33554432));
        assertThat(m.hitFrequency(4)).contains(new BigDecimal("0.4631"));
        assertThat(m.standardDeviation().orElseThrow()).isEqualByComparingTo("4.373125");
        assertThat(m.volatility()).isEqualTo("medium");
        assertThat(m.volatilityDeclared()).isFalse(); // from the SD, not from the file's "volatility"
    }

    @Test
    void volatilityThresholds() {
        assertThat(GameMath.volatilityOf(new BigDecimal("3.999999"))).isEqualTo("low");
        assertThat(GameMath.volatilityOf(new BigDecimal("4"))).isEqualTo("medium");
        assertThat(GameMath.volatilityOf(new BigDecimal("11.999999"))).isEqualTo("medium");
        assertThat(GameMath.volatilityOf(new BigDecimal("12"))).isEqualTo("high");
    }

    @Test
    void descriptorAgreesAndOtherGamesHaveNoMath() {
        for (InHouseGame g : InHouseGames.builtIn()) {
            GameMath m = InHouseGames.math(g).orElseThrow();
            assertThat(g.descriptor().rtp()).isEqualByComparingTo(m.rtp(4));
            assertThat(g.descriptor().volatility()).isEqualTo(m.volatility());
        }
        InHouseGame foreign = new InHouseGame() {
            @Override
            public io.hub.contracts.game.GameDescriptor descriptor() {
                return null;
            }

            @Override
            public io.hub.contracts.game.SpinOutcome play(io.hub.contracts.game.RandomSource rng, long betMinor) {
                return null;
            }
        };
        assertThat(InHouseGames.math(foreign)).isEmpty();
    }
}
