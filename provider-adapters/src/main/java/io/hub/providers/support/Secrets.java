package io.hub.providers.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Internal: constant-time comparison of secrets and digests. */
public final class Secrets {
    private Secrets() {
    }

    public static boolean equalsConstantTime(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
