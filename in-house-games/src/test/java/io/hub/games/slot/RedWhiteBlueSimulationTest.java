package io.hub.games.slot;

import io.hub.contracts.game.SpinOutcome;
import io.hub.games.InHouseGames;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;
import io.hub.games.rng.SeededRandomSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A seeded 1,000,000-spin simulation through the real play() path lies within 99% of the exact RTP. */
class RedWhiteBlueSimulationTest {
    private static final int SPINS = 1_000_000;
    private static final BigDecimal Z99 = new BigDecimal("2.5758");

    @Test
    void simulatedReturnWithinNinetyNinePercentInterval() {
        SlotGame rwb = InHouseGames.loadResource("games/red-white-blue.json");
        ParSheet exact = PayTableMath.enumerate(rwb.engine(), 1);
        SeededRandomSource rng = new SeededRandomSource(20261129L);
        long bet = 150;
        long paid = 0;
        long hits = 0;
        long[] stopCounts = new long[64];
        for (int i = 0; i < SPINS; i++) {
            SpinOutcome o = rwb.play(rng, bet);
            assertThat(o.payoutMinor() % bet).isZero();
            paid += o.payoutMinor();
            if (o.payoutMinor() > 0) hits++;
            stopCounts[o.stops().get(0)]++;
        }
        BigDecimal rtp = new BigDecimal(paid).divide(new BigDecimal(BigInteger.valueOf(bet).multiply(BigInteger.valueOf(SPINS))), MathContext.DECIMAL64);
        BigDecimal sd = exact.enumeration().orElseThrow().standardDeviation();
        BigDecimal halfWidth = Z99.multiply(sd).divide(BigDecimal.valueOf(Math.sqrt(SPINS)), MathContext.DECIMAL64);
        BigDecimal expected = exact.totalReturn().toBigDecimal(10);
        assertThat(rtp).isBetween(expected.subtract(halfWidth), expected.add(halfWidth));

        double p = exact.enumeration().orElseThrow().hitFrequency().toDouble();
        double hitHalf = 2.5758 * Math.sqrt(p * (1 - p) / SPINS);
        assertThat((double) hits / SPINS).isBetween(p - hitHalf, p + hitHalf);
        // reel 1 stops are uniform: chi-square with 63 d.f., 99.9% critical value 103.4
        double e = SPINS / 64.0, chi = 0;
        for (long c : stopCounts) chi += (c - e) * (c - e) / e;
        assertThat(chi).isLessThan(103.4);
    }
}
