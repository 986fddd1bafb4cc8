package io.hub.games.math;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The exact figures of one game at one coin count. Every return is a multiple of the TOTAL bet per round
 * (base spin plus any free spins it triggers), as an exact fraction.
 *
 * @param gameId              the game
 * @param coins               coin count (1 for line games)
 * @param lineReturn          base-game line pays / total bet
 * @param scatterReturn       base-game scatter pays / total bet
 * @param freeSpinReturn      expected free-spin winnings per base spin / total bet
 * @param totalReturn         RTP: the sum of the three parts
 * @param lineHitFrequency    probability that a given payline pays, averaged over the lines
 * @param triggerProbability  probability that a base spin triggers free spins (0 without the feature)
 * @param expectedFreeSpins   expected free spins per trigger, retriggers included (0 without the feature)
 * @param bonusPerTrigger     expected free-spin win per trigger / total bet (0 without the feature)
 * @param enumeration         per-round hit frequency and variance from a full enumeration of stop combinations,
 *                            when it was run
 */
public record ParSheet(
        String gameId,
        int coins,
        Fraction lineReturn,
        Fraction scatterReturn,
        Fraction freeSpinReturn,
        Fraction totalReturn,
        Fraction lineHitFrequency,
        Fraction triggerProbability,
        Fraction expectedFreeSpins,
        Fraction bonusPerTrigger,
        Optional<Enumeration> enumeration) {

    /**
     * Figures that need the joint distribution of all reels.
     *
     * @param combinations     weighted stop combinations enumerated (product of the reels' total weights)
     * @param hitFrequency     probability that a round pays anything (or triggers free spins)
     * @param totalReturn      the RTP again, from the enumeration (must equal the analytic one)
     * @param variance         variance of the round's win / total bet, free spins included
     */
    public record Enumeration(long combinations, Fraction hitFrequency, Fraction totalReturn, Fraction variance) {
        /** Standard deviation per round in units of the total bet, to 6 places. */
        public BigDecimal standardDeviation() {
            return variance.sqrt(6);
        }
    }

    /** RTP rounded HALF_EVEN to {@code scale} places. */
    public BigDecimal rtp(int scale) {
        return totalReturn.toBigDecimal(scale);
    }
}
