package io.hub.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UuidsTest {
    @Test
    void ids_are_version_7_variant_2_and_carry_the_current_unix_milliseconds() {
        long before = System.currentTimeMillis();
        UUID id = Uuids.v7();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void ids_drawn_on_many_threads_at_once_are_all_distinct() throws Exception {
        // each thread has its own DRBG (no shared lock): distinct generators must still never repeat an id
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) pool.submit(() -> { for (int i = 0; i < 5_000; i++) seen.add(Uuids.v7()); });
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(40_000);
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones() {
        UUID first = Uuids.v7();
        long at = first.getMostSignificantBits() >>> 16;
        while (System.currentTimeMillis() <= at) Thread.onSpinWait();   // the next millisecond
        UUID second = Uuids.v7();
        assertThat(Long.compareUnsigned(second.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
    }
}
