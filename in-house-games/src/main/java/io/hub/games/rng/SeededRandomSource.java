package io.hub.games.rng;

import io.hub.contracts.game.RandomSource;

import java.util.SplittableRandom;

/**
 * A deterministic, seeded {@link RandomSource} for tests, replays and simulations. <b>NOT for real-money
 * play</b>: its stream is fully predictable from the seed and it is not a cryptographic generator. Use
 * {@link DrbgRandomSource} in production.
 *
 * <p>Draws 32-bit words from {@link SplittableRandom} (seeded) and scales them with the same
 * {@link UniformScaler} rejection sampling as the certified source, so a given seed always yields the same
 * sequence of results. Thread-safe (synchronized), but the sequence across threads then depends on scheduling.
 */
public final class SeededRandomSource implements RandomSource {
    private final SplittableRandom random;
    private final long seed;

    /** @param seed any 64-bit seed; equal seeds give equal sequences */
    public SeededRandomSource(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A uniform integer in {@code [0, bound)}. @throws IllegalArgumentException when bound < 1 */
    @Override
    public synchronized int nextInt(int bound) {
        return UniformScaler.nextInt(random::nextInt, bound);
    }

    public long seed() {
        return seed;
    }
}
