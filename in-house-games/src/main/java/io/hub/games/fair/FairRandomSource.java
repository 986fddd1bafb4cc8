package io.hub.games.fair;

import io.hub.contracts.game.RandomSource;

/**
 * A {@link RandomSource} that yields the provably fair values of one round ({@link FairStops}), so the slot engine
 * plays unchanged. The engine draws one value per reel, reel 0 first, spin after spin
 * ({@code io.hub.games.slot.SlotEngine#drawStops}); call {@code k} of {@link #nextInt} is therefore spin
 * {@code k / reels}, reel {@code k % reels}, and its {@code bound} is that reel's {@code m}. Each (spin, reel) has
 * its own HMAC stream, so the values do not depend on how many words other reels rejected.
 *
 * <p>One instance per round; not thread-safe.
 */
public final class FairRandomSource implements RandomSource {
    private final FairStops stops;
    private final int reels;
    private long calls;

    /**
     * @param reels reel count of the game that will draw from this source
     */
    public FairRandomSource(byte[] serverSeed, String clientSeed, long nonce, int reels) {
        if (reels < 1) throw new IllegalArgumentException("reels must be at least 1");
        this.stops = new FairStops(serverSeed, clientSeed, nonce);
        this.reels = reels;
    }

    /** The value for the next (spin, reel). @throws IllegalArgumentException when bound < 1 */
    @Override
    public int nextInt(int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be at least 1: " + bound);
        long k = calls++;
        return (int) stops.value((int) (k / reels), (int) (k % reels), bound);
    }

    /** Values drawn so far (reels x spins for a complete round). */
    public long draws() {
        return calls;
    }
}
