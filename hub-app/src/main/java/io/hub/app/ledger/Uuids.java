package io.hub.app.ledger;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): index-friendly ids for ledger transactions, rounds and the hub's answers to
 * providers. 48 bits of Unix milliseconds, then 74 random bits from a cryptographically strong generator.
 *
 * <p>Each thread draws from its own {@code DRBG} {@link SecureRandom} (NIST SP 800-90A Hash_DRBG, self-seeded from the
 * system entropy source when the thread first asks): one shared {@code new SecureRandom()} (NativePRNG) serialises every
 * caller on the JDK's global locks, which showed as 20–35 ms monitor waits per contended id on the callback path under
 * load (JFR {@code jdk.JavaMonitorEnter}, bench/reports/provider-callbacks.md).
 */
public final class Uuids {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Uuids::newGenerator);

    private Uuids() {
    }

    public static UUID v7() {
        long millis = System.currentTimeMillis();
        byte[] r = new byte[10];
        RANDOM.get().nextBytes(r);
        long msb = (millis << 16) | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lsb = 0x8000000000000000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
        return new UUID(msb, lsb);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG SecureRandom is missing", e);
        }
    }
}
