package io.hub.games.rng;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UniformScalerTest {
    /** A fake word source that hands out the given words in order and counts what was taken. */
    static final class Words implements IntSupplier {
        final Deque<Integer> words;
        int taken;

        Words(Integer... words) {
            this.words = new ArrayDeque<>(List.of(words));
        }

        @Override
        public int getAsInt() {
            taken++;
            return words.removeFirst();
        }
    }

    @Test
    void boundThreeRejectsOnlyTheTopPartialRange() {
        // 2^32 = 3 * 1431655765 + 1: the single word 0xFFFFFFFF is the partial range
        assertThat(UniformScaler.rejectionLimit(3)).isEqualTo(0xFFFFFFFFL);
        Words w = new Words(0xFFFFFFFF, 0xFFFFFFFE);
        assertThat(UniformScaler.nextInt(w, 3)).isEqualTo((int) (0xFFFFFFFEL % 3));
        assertThat(w.taken).isEqualTo(2);
        Words accepted = new Words(0xFFFFFFFE);
        assertThat(UniformScaler.nextInt(accepted, 3)).isEqualTo(2);
        assertThat(accepted.taken).isEqualTo(1);
    }

    @Test
    void largeBoundRejectsItsWholeTail() {
        int bound = Integer.MAX_VALUE; // 2^31 - 1
        long limit = UniformScaler.rejectionLimit(bound);
        assertThat(limit).isEqualTo(2L * bound); // 2^32 mod (2^31-1) = 2
        // words limit-2 and limit-1 (the last two below 2^32) are rejected
        Words w = new Words((int) limit, (int) (limit + 1), 5);
        assertThat(UniformScaler.nextInt(w, bound)).isEqualTo(5);
        assertThat(w.taken).isEqualTo(3);
        Words edge = new Words((int) (limit - 1));
        assertThat(UniformScaler.nextInt(edge, bound)).isEqualTo(bound - 1);
    }

    @Test
    void powersOfTwoNeverRejectAndBoundOneDrawsNothing() {
        assertThat(UniformScaler.rejectionLimit(64)).isEqualTo(1L << 32);
        Words w = new Words(0xFFFFFFFF);
        assertThat(UniformScaler.nextInt(w, 64)).isEqualTo(63);
        Words none = new Words();
        assertThat(UniformScaler.nextInt(none, 1)).isZero();
        assertThat(none.taken).isZero();
        assertThatThrownBy(() -> UniformScaler.nextInt(() -> 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAcceptedResidueHasTheSameNumberOfPreimages() {
        // scaled-down check of the argument on an 8-bit word: bound 3 over 0..255 rejects only 255
        for (int bound = 1; bound <= 40; bound++) {
            long limit = UniformScaler.rejectionLimit(bound);
            assertThat(limit % bound).isZero();
            assertThat((1L << 32) - limit).isLessThan(bound);
        }
    }
}
