package io.hub.games.rng;

import io.hub.contracts.game.RandomSource;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The certified RNG for real-money play: a NIST SP 800-90A DRBG from the JDK's SUN provider, requested
 * explicitly as {@code SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(256, RESEED_ONLY,
 * personalization))} (on this JDK that is {@code Hash_DRBG,SHA-256,256,reseed_only}; the mechanism can be
 * changed only through the {@code securerandom.drbg.config} security property). Never
 * {@code new SecureRandom()}, which is NativePRNG here.
 *
 * <p><b>Threads:</b> one DRBG instance per thread ({@link ThreadLocal}), each seeded by the provider from the
 * system entropy source and personalised with the configured string plus a per-instance counter and the thread
 * id, so no two instances share a stream and no lock is contended. Instances are safe to share between threads.
 *
 * <p><b>Reseeding:</b> each thread's DRBG is reseeded ({@link SecureRandom#reseed()}, fresh entropy from the
 * provider, never a clock) after {@link Settings#reseedAfterDraws()} 32-bit words or once
 * {@link Settings#reseedInterval()} has passed since its last seeding, whichever comes first, checked before
 * each draw.
 *
 * <p><b>Scaling:</b> {@link #nextInt(int)} takes 4 bytes (big-endian) per 32-bit word and scales with
 * {@link UniformScaler} (rejection sampling). Outcomes never depend on the bet.
 */
public final class DrbgRandomSource implements RandomSource {
    /** What a DRBG instance offers to this class; production is the JDK DRBG, tests may pass a fake. */
    interface ByteSource {
        void nextBytes(byte[] bytes);

        void reseed();

        String describe();
    }

    /**
     * @param reseedAfterDraws words drawn per thread between reseeds, at least 1
     * @param reseedInterval   longest time between reseeds of one thread's DRBG, positive
     * @param personalization  personalization string for SP 800-90A instantiation (not secret), e.g. the node name
     */
    public record Settings(long reseedAfterDraws, Duration reseedInterval, String personalization) {
        public Settings {
            if (reseedAfterDraws < 1) throw new IllegalArgumentException("reseedAfterDraws must be positive");
            Objects.requireNonNull(reseedInterval, "reseedInterval");
            if (reseedInterval.isNegative() || reseedInterval.isZero()) throw new IllegalArgumentException("reseedInterval must be positive");
            Objects.requireNonNull(personalization, "personalization");
        }

        /** 1,000,000 words or 10 minutes, personalization {@code "io.hub.games"}. */
        public static Settings defaults() {
            return new Settings(1_000_000L, Duration.ofMinutes(10), "io.hub.games");
        }
    }

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final Supplier<ByteSource> factory;
    private final AtomicLong reseeds = new AtomicLong();
    private final ThreadLocal<State> local;

    /** A source with {@link Settings#defaults()}. */
    public DrbgRandomSource() {
        this(Settings.defaults());
    }

    /**
     * @throws IllegalStateException when the JDK offers no DRBG with 256-bit strength and reseeding
     */
    public DrbgRandomSource(Settings settings) {
        this(settings, System::nanoTime, () -> jdkDrbg(settings.personalization()));
    }

    DrbgRandomSource(Settings settings, LongSupplier nanoClock, Supplier<ByteSource> factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = nanoClock;
        this.factory = factory;
        this.local = ThreadLocal.withInitial(() -> new State(factory.get(), nanoClock.getAsLong()));
        factory.get(); // fail fast when the DRBG is unavailable
    }

    private static ByteSource jdkDrbg(String personalization) {
        String pers = personalization + "|instance=" + INSTANCES.incrementAndGet() + "|thread=" + Thread.currentThread().getId();
        SecureRandom drbg;
        try {
            drbg = SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, pers.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no DRBG with 256-bit strength and reseeding on this JDK", e);
        }
        return new ByteSource() {
            @Override
            public void nextBytes(byte[] bytes) {
                drbg.nextBytes(bytes);
            }

            @Override
            public void reseed() {
                drbg.reseed();
            }

            @Override
            public String describe() {
                return drbg.getAlgorithm() + " " + drbg;
            }
        };
    }

    private final class State {
        final ByteSource source;
        final byte[] word = new byte[4];
        long draws;
        long seededAt;

        State(ByteSource source, long now) {
            this.source = source;
            this.seededAt = now;
        }

        int nextWord() {
            long now = nanoClock.getAsLong();
            if (draws >= settings.reseedAfterDraws() || now - seededAt >= settings.reseedInterval().toNanos()) {
                source.reseed();
                reseeds.incrementAndGet();
                draws = 0;
                seededAt = now;
            }
            draws++;
            source.nextBytes(word);
            return ((word[0] & 0xFF) << 24) | ((word[1] & 0xFF) << 16) | ((word[2] & 0xFF) << 8) | (word[3] & 0xFF);
        }
    }

    /** A uniform integer in {@code [0, bound)}, unbiased. @throws IllegalArgumentException when bound < 1 */
    @Override
    public int nextInt(int bound) {
        State s = local.get();
        return UniformScaler.nextInt(s::nextWord, bound);
    }

    /** One raw 32-bit word, before scaling (for a raw-output collection tool). */
    public int nextRawWord() {
        return local.get().nextWord();
    }

    /** Reseeds performed so far across all threads. */
    public long reseedCount() {
        return reseeds.get();
    }

    /** The calling thread's DRBG, e.g. {@code "DRBG Hash_DRBG,SHA-256,256,reseed_only"}. */
    public String describe() {
        return local.get().source.describe();
    }

    public Settings settings() {
        return settings;
    }
}
