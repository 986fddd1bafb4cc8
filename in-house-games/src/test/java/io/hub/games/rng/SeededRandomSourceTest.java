package io.hub.games.rng;

import io.hub.games.InHouseGames;
import io.hub.games.slot.SlotGame;
import io.hub.contracts.game.SpinOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeededRandomSourceTest {
    @Test
    void sameSeedSameSequence() {
        SeededRandomSource a = new SeededRandomSource(42);
        SeededRandomSource b = new SeededRandomSource(42);
        List<Integer> xa = IntStream.range(0, 1000).map(i -> a.nextInt(1 + i)).boxed().toList();
        List<Integer> xb = IntStream.range(0, 1000).map(i -> b.nextInt(1 + i)).boxed().toList();
        assertThat(xa).isEqualTo(xb);
        SeededRandomSource c = new SeededRandomSource(43);
        assertThat(IntStream.range(0, 1000).map(i -> c.nextInt(1 + i)).boxed().toList()).isNotEqualTo(xa);
        for (int i = 0; i < 1000; i++) assertThat(xa.get(i)).isBetween(0, i);
    }

    @Test
    void sameSeedSameSpins() {
        SlotGame rwb = InHouseGames.loadResource("games/red-white-blue.json");
        List<SpinOutcome> first = new ArrayList<>(), second = new ArrayList<>();
        SeededRandomSource a = new SeededRandomSource(7), b = new SeededRandomSource(7);
        for (int i = 0; i < 500; i++) {
            first.add(rwb.play(a, 100));
            second.add(rwb.play(b, 100));
        }
        assertThat(first).isEqualTo(second);
    }
}
