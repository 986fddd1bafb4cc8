package io.hub.games.rng;

import java.util.function.IntSupplier;

/**
 * Unbiased scaling of 32-bit random words to {@code [0, bound)} by rejection sampling (GLI-19 / UKGC RTS 7A:
 * "scaling must preserve the distribution"). A word {@code u} (read as unsigned, 0..2^32-1) is accepted when
 * {@code u < 2^32 - (2^32 mod bound)} and mapped to {@code u mod bound}; otherwise it is discarded and a fresh
 * word drawn. Every accepted residue then has exactly {@code floor(2^32 / bound)} preimages. For
 * {@code bound = 3} the single top word {@code 0xFFFFFFFF} is rejected; powers of two never reject.
 */
public final class UniformScaler {
    private static final long RANGE = 1L << 32;

    private UniformScaler() {
    }

    /**
     * @param words a source of uniformly distributed 32-bit words
     * @param bound exclusive upper bound, at least 1 (a bound of 1 returns 0 without drawing)
     * @return a uniform integer in {@code [0, bound)}
     * @throws IllegalArgumentException when {@code bound < 1}
     */
    public static int nextInt(IntSupplier words, int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be at least 1: " + bound);
        if (bound == 1) return 0;
        long limit = rejectionLimit(bound);
        while (true) {
            long u = Integer.toUnsignedLong(words.getAsInt());
            if (u < limit) return (int) (u % bound);
        }
    }

    /** The exclusive upper limit of accepted unsigned words for {@code bound}: {@code 2^32 - (2^32 mod bound)}. */
    public static long rejectionLimit(int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be at least 1: " + bound);
        return RANGE - (RANGE % bound);
    }
}
