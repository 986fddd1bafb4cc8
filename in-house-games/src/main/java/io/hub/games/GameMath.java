package io.hub.games;

import io.hub.games.math.Fraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A game's certified figures for the lobby and for auditors, at the coin count the lobby plays, all per round
 * (base spin plus the free spins it triggers) and relative to the total bet. Computed exactly when the game is
 * loaded ({@code io.hub.games.math.PayTableMath}: RTP by analysis, hit frequency and variance by full enumeration of
 * every stop combination); never simulated.
 *
 * <p><b>Volatility classes</b> (from the standard deviation SD of one round's win in multiples of the total bet):
 * {@code low} when SD &lt; {@value #LOW_BELOW}, {@code medium} when {@value #LOW_BELOW} &lt;= SD &lt;
 * {@value #MEDIUM_BELOW}, {@code high} when SD &gt;= {@value #MEDIUM_BELOW}. For scale: Atkins Diet SD 4.37 (medium),
 * Red White & Blue 9.06 (medium), Multiplier Sevens 4.55 (medium); classic fruit machines with frequent small pays
 * sit below 4, games whose return is mostly a rare top award above 12. A game too large to enumerate at load
 * declares its class in its definition ({@code volatilityDeclared} true, SD and hit frequency empty).
 *
 * @param gameId             the game
 * @param coins              coins the figures are for (the lobby's coin count; 1 for line games)
 * @param rtp                return to player, exact fraction (e.g. 113477/131072 for Red White & Blue)
 * @param hitFrequency       probability that a round pays anything or triggers free spins, exact; empty when not
 *                           enumerated
 * @param variance           variance of one round's win / total bet, exact; empty when not enumerated
 * @param volatility         {@code low}, {@code medium} or {@code high}
 * @param volatilityDeclared whether the class comes from the definition instead of the SD
 */
public record GameMath(String gameId, int coins, Fraction rtp, Optional<Fraction> hitFrequency, Optional<Fraction> variance,
                       String volatility, boolean volatilityDeclared) {
    /** SD per round (x total bet) below which a game is "low" volatility. */
    public static final int LOW_BELOW = 4;
    /** SD per round (x total bet) below which a game is "medium" volatility; at or above it is "high". */
    public static final int MEDIUM_BELOW = 12;

    /** {@code low}/{@code medium}/{@code high} for a standard deviation per round in multiples of the total bet. */
    public static String volatilityOf(BigDecimal standardDeviation) {
        if (standardDeviation.compareTo(BigDecimal.valueOf(LOW_BELOW)) < 0) return "low";
        if (standardDeviation.compareTo(BigDecimal.valueOf(MEDIUM_BELOW)) < 0) return "medium";
        return "high";
    }

    /** RTP as a decimal fraction rounded HALF_EVEN (scale 4: 0.9705 = 97.05 %). */
    public BigDecimal rtp(int scale) {
        return rtp.toBigDecimal(scale);
    }

    /** Standard deviation of one round's win in multiples of the total bet, 6 places; empty when not enumerated. */
    public Optional<BigDecimal> standardDeviation() {
        return variance.map(v -> v.sqrt(6));
    }

    /** Hit frequency rounded HALF_EVEN to {@code scale} places. */
    public Optional<BigDecimal> hitFrequency(int scale) {
        return hitFrequency.map(h -> h.toBigDecimal(scale).setScale(scale, RoundingMode.HALF_EVEN));
    }
}
