package io.hub.games.fair;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON Canonicalization Scheme, RFC 8785 (JCS), over a Jackson tree: no whitespace; object members sorted by
 * their names compared as arrays of UTF-16 code units; strings escaped as ECMAScript's {@code JSON.stringify}
 * does (only {@code \"}, {@code \\}, {@code \b \f \n \r \t} and {@code \}{@code u00xx} with lowercase hex for
 * the other controls below U+0020; every other character literal); numbers in ECMAScript's
 * {@code Number.prototype.toString} form (RFC 8785 §3.2.2.3); the result encoded as UTF-8.
 *
 * <p>Written here because no maintained RFC 8785 library is among the project's available packages. Our frames
 * carry only strings, integers, booleans, null, arrays and objects; doubles are supported too (shortest
 * round-trip digits, then the ECMAScript layout) so the implementation can be checked against the RFC's own
 * examples and Appendix B. Limits: an integer outside +-2^53 (not exactly representable as an IEEE-754 double),
 * NaN, an infinity or a lone surrogate is refused with {@link IllegalArgumentException}, as RFC 8785 §3.2.2.2
 * and I-JSON (RFC 7493) require.
 */
public final class CanonicalJson {
    private static final long MAX_SAFE = (1L << 53);

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code node}. @throws IllegalArgumentException for values JCS cannot represent */
    public static byte[] bytes(JsonNode node) {
        return string(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code node}. @throws IllegalArgumentException for values JCS cannot represent */
    public static String string(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) throw new IllegalArgumentException("integer outside the IEEE-754 exact range: " + node);
            long v = node.longValue();
            if (v > MAX_SAFE || v < -MAX_SAFE) throw new IllegalArgumentException("integer outside the IEEE-754 exact range: " + v);
            out.append(v);
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
            names.sort(String::compareTo); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 asks
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate in a string");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate in a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The exact decimal value of a positive finite double, built from its bits (mantissa x 2^exponent, with
     * 2^-k written as 5^k / 10^k) rather than {@code new BigDecimal(double)}, which the architecture rules ban.
     */
    static BigDecimal exactValue(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        if (exp == 0) exp = 1; // subnormal
        else mantissa |= 1L << 52;
        int e2 = exp - 1075; // x = mantissa * 2^e2
        BigInteger m = BigInteger.valueOf(mantissa);
        if (e2 >= 0) return new BigDecimal(m.shiftLeft(e2));
        return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e2)), -e2);
    }

    /**
     * ECMAScript {@code Number.prototype.toString(x)} (ECMA-262 §7.1.12.1) for a finite double: the shortest
     * decimal digits that read back as {@code x}, laid out as an integer, a plain decimal, or {@code d.ddde±n}.
     *
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) throw new IllegalArgumentException("NaN and infinities are not JSON");
        if (x == 0) return "0"; // also -0
        if (x < 0) return "-" + number(-x);
        BigDecimal exact = exactValue(x);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                shortest = r;
                break;
            }
        }
        if (shortest == null) throw new IllegalStateException("no 17-digit form of " + x); // cannot happen for doubles
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // x = 0.digits * 10^n
        StringBuilder out = new StringBuilder();
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = 0; i < n - k; i++) out.append('0');
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = 0; i < -n; i++) out.append('0');
            out.append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) out.append('.').append(digits, 1, k);
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }
}
