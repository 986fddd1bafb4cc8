package io.hub.contracts.game;

/**
 * The port between game math and the certified RNG. Implementations must scale without bias
 * (rejection sampling, never {@code next() % bound}) and must not depend on the bet.
 */
public interface RandomSource {
    /**
     * A uniformly distributed integer in {@code [0, bound)}.
     *
     * @param bound exclusive upper bound, at least 1
     */
    int nextInt(int bound);
}
