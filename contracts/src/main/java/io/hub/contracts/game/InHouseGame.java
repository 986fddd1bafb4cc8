package io.hub.contracts.game;

import java.util.Optional;

/**
 * An in-house RNG game as the hub sees it: a descriptor and a pure function from RNG draws and a bet to an
 * outcome. Implementations hold no state between spins and never touch money storage.
 */
public interface InHouseGame {
    GameDescriptor descriptor();

    /**
     * Why this bet cannot be played (e.g. not divisible by the number of lines), or empty if it can.
     *
     * @param betMinor total bet in minor units, positive
     */
    default Optional<String> checkBet(long betMinor) {
        return Optional.empty();
    }

    /**
     * Draws one outcome.
     *
     * @param rng      the certified random source; the outcome depends only on its draws, not on the bet
     * @param betMinor total bet in minor units; must pass {@link #checkBet(long)}
     * @return the outcome with an exact integer payout in the bet's minor units
     * @throws IllegalArgumentException for a bet that {@link #checkBet(long)} refuses
     */
    SpinOutcome play(RandomSource rng, long betMinor);
}
