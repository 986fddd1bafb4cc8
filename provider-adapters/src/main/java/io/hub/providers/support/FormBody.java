package io.hub.providers.support;

import io.hub.contracts.wallet.WalletRejection;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Internal: strict {@code application/x-www-form-urlencoded} parsing (UTF-8). Refuses invalid UTF-8, bad
 * percent-escapes, empty keys and repeated keys (a repeated key would make the hash ambiguous).
 */
public final class FormBody {
    private FormBody() {
    }

    /** The parameters in body order, values decoded ({@code +} = space, {@code %XX} = byte). */
    public static Map<String, String> parse(byte[] body) throws BadRequest {
        if (body == null || body.length == 0) throw new BadRequest(WalletRejection.INVALID_MESSAGE, "empty body");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(WalletRejection.INVALID_MESSAGE, "body is not UTF-8");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.isEmpty()) throw new BadRequest(WalletRejection.INVALID_MESSAGE, "empty parameter name");
            // PostgreSQL text cannot hold U+0000: a bad request, not an internal error the provider retries for ever
            if (key.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                throw new BadRequest(WalletRejection.INVALID_MESSAGE, "parameter " + key.replace('\u0000', '?') + " contains a NUL character");
            }
            if (params.putIfAbsent(key, value) != null) {
                throw new BadRequest(WalletRejection.INVALID_MESSAGE, "repeated parameter " + key);
            }
        }
        if (params.isEmpty()) throw new BadRequest(WalletRejection.INVALID_MESSAGE, "no parameters");
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String s) throws BadRequest {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(WalletRejection.INVALID_MESSAGE, "bad percent-encoding");
        }
    }

    /** Best effort parse for echoing fields in error answers; empty on any error. */
    public static Map<String, String> tryParse(byte[] body) {
        try {
            return parse(body);
        } catch (BadRequest e) {
            return Map.of();
        }
    }
}
