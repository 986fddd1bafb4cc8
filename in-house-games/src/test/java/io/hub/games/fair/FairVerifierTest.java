package io.hub.games.fair;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.games.InHouseGames;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairVerifierTest {
    static final SlotGame ATKINS = InHouseGames.loadResource("games/atkins-diet.json");

    private static FairVerifier.PaidRound paid(SlotRound r, long nonce) {
        return new FairVerifier.PaidRound(FairStopsTest.COMMITMENT, FairStopsTest.CLIENT, nonce, 40, r.allStops(), r.payoutMinor());
    }

    @Test
    void anHonestRoundVerifies() {
        SlotRound r = FairVerifier.recompute(ATKINS, FairStopsTest.SEED_BYTES, FairStopsTest.CLIENT, 11, 40);
        FairVerifier.Verification v = FairVerifier.verify(ATKINS, FairStopsTest.SEED, paid(r, 11));
        assertThat(v.problems()).isEmpty();
        assertThat(v.verified()).isTrue();
    }

    @Test
    void aWrongSeedAnAlteredStopOrAnotherPayoutIsCaught() {
        SlotRound r = FairVerifier.recompute(ATKINS, FairStopsTest.SEED_BYTES, FairStopsTest.CLIENT, 11, 40);
        String otherSeed = "00".repeat(32);
        FairVerifier.Verification wrongSeed = FairVerifier.verify(ATKINS, otherSeed, paid(r, 11));
        assertThat(wrongSeed.commitmentMatches()).isFalse();
        assertThat(wrongSeed.verified()).isFalse();

        List<List<Integer>> stops = new ArrayList<>(r.allStops());
        List<Integer> first = new ArrayList<>(stops.get(0));
        first.set(2, (first.get(2) + 1) % 32);
        stops.set(0, first);
        FairVerifier.Verification altered = FairVerifier.verify(ATKINS, FairStopsTest.SEED,
                new FairVerifier.PaidRound(FairStopsTest.COMMITMENT, FairStopsTest.CLIENT, 11, 40, stops, r.payoutMinor()));
        assertThat(altered.commitmentMatches()).isTrue();
        assertThat(altered.stopsMatch()).isFalse();
        assertThat(altered.problems()).anyMatch(p -> p.startsWith("spin 0:"));

        FairVerifier.Verification morePaid = FairVerifier.verify(ATKINS, FairStopsTest.SEED,
                new FairVerifier.PaidRound(FairStopsTest.COMMITMENT, FairStopsTest.CLIENT, 11, 40, r.allStops(), r.payoutMinor() + 2));
        assertThat(morePaid.stopsMatch()).isTrue();
        assertThat(morePaid.payoutMatches()).isFalse();
        assertThat(morePaid.verified()).isFalse();

        FairVerifier.Verification otherNonce = FairVerifier.verify(ATKINS, FairStopsTest.SEED, paid(r, 12));
        assertThat(otherNonce.verified()).isFalse();
    }
}
