package io.hub.games.rng;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DrbgRandomSourceTest {
    /** A fake DRBG: serves queued 4-byte words (0 when empty) and counts reseeds. */
    static final class FakeBytes implements DrbgRandomSource.ByteSource {
        final List<byte[]> words = new ArrayList<>();
        int reseeds;

        FakeBytes word(int w) {
            words.add(new byte[]{(byte) (w >>> 24), (byte) (w >>> 16), (byte) (w >>> 8), (byte) w});
            return this;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] w = words.isEmpty() ? new byte[4] : words.remove(0);
            System.arraycopy(w, 0, bytes, 0, 4);
        }

        @Override
        public void reseed() {
            reseeds++;
        }

        @Override
        public String describe() {
            return "fake";
        }
    }

    @Test
    void usesAnExplicitDrbgNotNativePrng() {
        DrbgRandomSource rng = new DrbgRandomSource();
        assertThat(rng.describe()).startsWith("DRBG").contains("_DRBG").contains("256").contains("reseed_only");
    }

    @Test
    void rejectsTheTopPartialRangeOnBigEndianWords() {
        FakeBytes fake = new FakeBytes().word(0xFFFFFFFF).word(7);
        DrbgRandomSource rng = new DrbgRandomSource(DrbgRandomSource.Settings.defaults(), () -> 0L, () -> fake);
        assertThat(rng.nextInt(3)).isEqualTo(1); // 0xFFFFFFFF rejected, then 7 % 3
        assertThat(fake.words).isEmpty();
        FakeBytes ordered = new FakeBytes().word(0x01020304);
        DrbgRandomSource r2 = new DrbgRandomSource(DrbgRandomSource.Settings.defaults(), () -> 0L, () -> ordered);
        assertThat(r2.nextRawWord()).isEqualTo(0x01020304);
    }

    @Test
    void reseedsAfterTheConfiguredNumberOfDraws() {
        FakeBytes fake = new FakeBytes();
        var settings = new DrbgRandomSource.Settings(10, Duration.ofHours(1), "test");
        DrbgRandomSource rng = new DrbgRandomSource(settings, () -> 0L, () -> fake);
        for (int i = 0; i < 35; i++) rng.nextInt(64);
        assertThat(fake.reseeds).isEqualTo(3);
        assertThat(rng.reseedCount()).isEqualTo(3);
    }

    @Test
    void reseedsAfterTheConfiguredInterval() {
        FakeBytes fake = new FakeBytes();
        AtomicLong now = new AtomicLong();
        var settings = new DrbgRandomSource.Settings(1_000_000, Duration.ofSeconds(60), "test");
        DrbgRandomSource rng = new DrbgRandomSource(settings, now::get, () -> fake);
        rng.nextInt(10);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        rng.nextInt(10);
        assertThat(fake.reseeds).isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        rng.nextInt(10);
        assertThat(fake.reseeds).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        rng.nextInt(10);
        assertThat(fake.reseeds).isEqualTo(1);
    }

    @Test
    void oneDrbgPerThreadAndSafeUnderConcurrency() throws Exception {
        AtomicInteger instances = new AtomicInteger();
        Set<Long> threadsSeen = ConcurrentHashMap.newKeySet();
        DrbgRandomSource real = new DrbgRandomSource(new DrbgRandomSource.Settings(1000, Duration.ofMinutes(1), "concurrency"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    threadsSeen.add(Thread.currentThread().getId());
                    instances.incrementAndGet();
                    int[] counts = new int[6];
                    for (int i = 0; i < 30_000; i++) counts[real.nextInt(6)]++;
                    return counts;
                }));
            }
            int[] total = new int[6];
            for (Future<int[]> f : futures) {
                int[] c = f.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < 6; i++) total[i] += c[i];
            }
            // chi-square, 5 degrees of freedom: 99.9% critical value 20.52
            double expected = 120_000 / 6.0;
            double chi = 0;
            for (int c : total) chi += (c - expected) * (c - expected) / expected;
            assertThat(chi).isLessThan(20.52);
            assertThat(real.reseedCount()).isGreaterThanOrEqualTo(4L * 29); // 30,000 words per thread / 1000
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoInstancesDoNotRepeatEachOther() {
        DrbgRandomSource a = new DrbgRandomSource();
        DrbgRandomSource b = new DrbgRandomSource();
        Set<Integer> seen = new HashSet<>();
        List<Integer> sa = new ArrayList<>(), sb = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sa.add(a.nextRawWord());
            sb.add(b.nextRawWord());
        }
        assertThat(sa).isNotEqualTo(sb);
        seen.addAll(sa);
        assertThat(seen).hasSizeGreaterThan(14);
    }
}
