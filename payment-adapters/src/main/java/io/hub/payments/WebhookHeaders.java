package io.hub.payments;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP request headers with case-insensitive names (RFC 9110 §5.1), as a webhook adapter reads them.
 * Built from a servlet/Camel header map whose values are strings or collections of strings; other value
 * types are converted with {@code toString()}.
 */
public final class WebhookHeaders {
    private final Map<String, List<String>> values;

    private WebhookHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Headers from a map of name → value, where a value is a {@code String}, a {@code Collection} of values, or
     * {@code null} (ignored).
     */
    public static WebhookHeaders of(Map<String, ?> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name == null || value == null) return;
            List<String> list = value instanceof Collection<?> c
                    ? c.stream().filter(v -> v != null).map(Object::toString).toList()
                    : List.of(value.toString());
            copy.merge(name, list, (a, b) -> {
                var merged = new java.util.ArrayList<>(a);
                merged.addAll(b);
                return List.copyOf(merged);
            });
        });
        return new WebhookHeaders(copy);
    }

    /** Headers from alternating name, value pairs; for tests and simple callers. */
    public static WebhookHeaders of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) throw new IllegalArgumentException("name/value pairs expected");
        Map<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValuePairs.length; i += 2) map.put(nameValuePairs[i], nameValuePairs[i + 1]);
        return of(map);
    }

    /** The first value of the header, trimmed; empty when absent or blank. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) return Optional.empty();
        String v = list.get(0).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** All values of the header (a repeated header stays repeated). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
        return "WebhookHeaders" + values.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
