package io.hub.app.providers.outbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Request signing for the hub's outbound calls where the protocol wants it. */
public final class ProviderHashes {
    private ProviderHashes() {
    }

    /**
     * Pragmatic's {@code hash}: the parameters sorted by key, joined as {@code k=v&k=v} (raw values), the secret
     * appended, MD5, lowercase hex (providers.md §4 shape B [P1][H16]).
     */
    public static String pragmaticHash(Map<String, String> params, String secret) {
        String joined = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((joined + (secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded} of the parameters (sorted by key), {@code hash} appended when given. */
    public static String form(Map<String, String> params, String hash) {
        TreeMap<String, String> all = new TreeMap<>(params);
        if (hash != null) all.put("hash", hash);
        return all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
