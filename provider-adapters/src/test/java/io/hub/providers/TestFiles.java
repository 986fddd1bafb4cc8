package io.hub.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.providers.support.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helper: golden files from src/test/resources and JSON comparison that is exact about decimals. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            byte[] b = in.readAllBytes();
            // golden files end with a newline; bodies on the wire here do not
            int n = b.length;
            while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == '\r')) n--;
            return java.util.Arrays.copyOf(b, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static JsonNode json(byte[] body) {
        try {
            return StrictJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode jsonFile(String path) {
        return json(bytes(path));
    }
}
