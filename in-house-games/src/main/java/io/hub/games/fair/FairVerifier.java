package io.hub.games.fair;

import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes a provably fair round from the revealed server seed, the client seed and the nonce, and compares it
 * with what was paid (docs/fairness.md §3):
 * <ol>
 *   <li>SHA-256(server seed bytes) must equal the commitment shown before play;</li>
 *   <li>the round is played again through the engine with {@link FairRandomSource}: every spin's stops (paid spin
 *       and free spins) must equal the stored stops;</li>
 *   <li>the recomputed payout must equal the paid payout.</li>
 * </ol>
 */
public final class FairVerifier {
    private FairVerifier() {
    }

    /**
     * What was paid for one round, as recorded by the hub.
     *
     * @param serverSeedHash the commitment shown before play (lowercase hex)
     * @param clientSeed     the client seed the round used
     * @param nonce          the round's nonce
     * @param betMinor       total bet in minor units
     * @param spinStops      stops of every spin, index 0 = paid spin
     * @param payoutMinor    what was paid, in minor units
     */
    public record PaidRound(String serverSeedHash, String clientSeed, long nonce, long betMinor, List<List<Integer>> spinStops,
                            long payoutMinor) {
        public PaidRound {
            Objects.requireNonNull(serverSeedHash, "serverSeedHash");
            Objects.requireNonNull(clientSeed, "clientSeed");
            spinStops = spinStops.stream().map(List::copyOf).toList();
        }
    }

    /**
     * @param commitmentMatches SHA-256 of the revealed seed equals the commitment
     * @param stopsMatch        every recomputed spin's stops equal the stored ones (and the spin counts agree)
     * @param payoutMatches     the recomputed payout equals the paid payout
     * @param recomputed        the round played again from the seeds (null when the inputs could not be played)
     * @param problems          one line per mismatch, empty when verified
     */
    public record Verification(boolean commitmentMatches, boolean stopsMatch, boolean payoutMatches, SlotRound recomputed,
                               List<String> problems) {
        public Verification {
            problems = List.copyOf(problems);
        }

        /** All three checks passed. */
        public boolean verified() {
            return commitmentMatches && stopsMatch && payoutMatches;
        }
    }

    /**
     * Plays the round again from the seeds (the lobby coin count of the game).
     *
     * @throws IllegalArgumentException for a malformed seed, client seed or nonce, or a bet the game refuses
     */
    public static SlotRound recompute(SlotGame game, byte[] serverSeed, String clientSeed, long nonce, long betMinor) {
        FairRandomSource rng = new FairRandomSource(serverSeed, clientSeed, nonce, game.engine().reelCount());
        return game.playRound(rng, betMinor, game.lobbyCoins());
    }

    /**
     * Verifies {@code paid} with the revealed {@code serverSeedHex}.
     *
     * @throws IllegalArgumentException for a malformed seed (not 64 lowercase hex characters)
     */
    public static Verification verify(SlotGame game, String serverSeedHex, PaidRound paid) {
        byte[] seed = FairSeeds.parseServerSeed(serverSeedHex);
        List<String> problems = new ArrayList<>();
        String commitment = FairSeeds.commitment(seed);
        boolean commitmentOk = commitment.equals(paid.serverSeedHash());
        if (!commitmentOk) problems.add("SHA-256(server seed) = " + commitment + " but the commitment was " + paid.serverSeedHash());
        SlotRound round;
        try {
            round = recompute(game, seed, paid.clientSeed(), paid.nonce(), paid.betMinor());
        } catch (IllegalArgumentException e) {
            problems.add("cannot replay: " + e.getMessage());
            return new Verification(commitmentOk, false, false, null, problems);
        }
        List<List<Integer>> stops = round.allStops();
        boolean stopsOk = stops.equals(paid.spinStops());
        if (!stopsOk) {
            if (stops.size() != paid.spinStops().size()) {
                problems.add("the seeds play " + stops.size() + " spins, " + paid.spinStops().size() + " were recorded");
            }
            for (int i = 0; i < Math.min(stops.size(), paid.spinStops().size()); i++) {
                if (!stops.get(i).equals(paid.spinStops().get(i))) {
                    problems.add("spin " + i + ": the seeds give stops " + stops.get(i) + ", recorded " + paid.spinStops().get(i));
                }
            }
        }
        boolean payoutOk = round.payoutMinor() == paid.payoutMinor();
        if (!payoutOk) problems.add("the seeds pay " + round.payoutMinor() + " minor units, " + paid.payoutMinor() + " were paid");
        return new Verification(commitmentOk, stopsOk, payoutOk, round, problems);
    }
}
