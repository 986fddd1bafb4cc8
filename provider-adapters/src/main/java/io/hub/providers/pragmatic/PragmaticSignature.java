package io.hub.providers.pragmatic;

import io.hub.providers.support.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Pragmatic request hash (providers.md §4 shape B, [P1][H16]): all form parameters except {@code hash}, keys
 * sorted alphabetically, joined as {@code k=v&k=v} with the decoded values, the secret appended with no separator,
 * MD5, lowercase hex. Vector: {@code /work/shared/vectors/pragmatic-hash.json}.
 */
public final class PragmaticSignature {
    public static final String HASH_PARAM = "hash";
    private final String secretKey;
    private final boolean skipEmptyValues;

    public PragmaticSignature(String secretKey, boolean skipEmptyValues) {
        this.secretKey = secretKey;
        this.skipEmptyValues = skipEmptyValues;
    }

    /** The string that is hashed (without the secret, for diagnostics): {@code k1=v1&k2=v2…}. */
    public String canonicalString(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals(HASH_PARAM)) continue;
            if (skipEmptyValues && e.getValue().isEmpty()) continue;
            if (sb.length() > 0) sb.append('&');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** The lowercase hex hash of the parameters. */
    public String hash(Map<String, String> params) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((canonicalString(params) + secretKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the {@code hash} parameter is present and matches (hex compared case-insensitively, constant time). */
    public boolean verify(Map<String, String> params) {
        String given = params.get(HASH_PARAM);
        if (given == null || given.isEmpty()) return false;
        return Secrets.equalsConstantTime(hash(params), given.toLowerCase(Locale.ROOT));
    }
}
