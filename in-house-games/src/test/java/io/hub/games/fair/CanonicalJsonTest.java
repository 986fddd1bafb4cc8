package io.hub.games.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link CanonicalJson} against the examples of RFC 8785 (§3.2.2, §3.2.3, §3.2.4 and Appendix B). */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void rfc8785Section322Example() throws Exception {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.string(parse(input))).isEqualTo(expected);
        // §3.2.4: the UTF-8 bytes
        String hex = "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b333333333333333333"
                + "2e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030"
                + "30665c6e4127425c225c5c5c5c5c222f227d";
        assertThat(HexFormat.of().formatHex(CanonicalJson.bytes(parse(input)))).isEqualTo(hex);
    }

    @Test
    void rfc8785Section323SortsByUtf16CodeUnits() throws Exception {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        JsonNode canonical = parse(CanonicalJson.string(parse(input)));
        java.util.List<String> values = new java.util.ArrayList<>();
        canonical.elements().forEachRemaining(v -> values.add(v.asText()));
        assertThat(values).containsExactly("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
        assertThat(CanonicalJson.string(parse(input))).startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"");
    }

    @Test
    void rfc8785AppendixBNumbers() {
        Object[][] cases = {
                {0x0000000000000000L, "0"}, {0x8000000000000000L, "0"}, {0x0000000000000001L, "5e-324"},
                {0x8000000000000001L, "-5e-324"}, {0x7fefffffffffffffL, "1.7976931348623157e+308"},
                {0xffefffffffffffffL, "-1.7976931348623157e+308"}, {0x4340000000000000L, "9007199254740992"},
                {0xc340000000000000L, "-9007199254740992"}, {0x4430000000000000L, "295147905179352830000"},
                {0x44b52d02c7e14af5L, "9.999999999999997e+22"}, {0x44b52d02c7e14af6L, "1e+23"},
                {0x44b52d02c7e14af7L, "1.0000000000000001e+23"}, {0x444b1ae4d6e2ef4eL, "999999999999999700000"},
                {0x444b1ae4d6e2ef4fL, "999999999999999900000"}, {0x444b1ae4d6e2ef50L, "1e+21"},
                {0x3eb0c6f7a0b5ed8cL, "9.999999999999997e-7"}, {0x3eb0c6f7a0b5ed8dL, "0.000001"},
                {0x41b3de4355555553L, "333333333.3333332"}, {0x41b3de4355555554L, "333333333.33333325"},
                {0x41b3de4355555555L, "333333333.3333333"}, {0x41b3de4355555556L, "333333333.3333334"},
                {0x41b3de4355555557L, "333333333.33333343"}, {0xbecbf647612f3696L, "-0.0000033333333333333333"},
                {0x43143ff3c1cb0959L, "1424953923781206.2"},
        };
        for (Object[] c : cases) {
            assertThat(CanonicalJson.number(Double.longBitsToDouble((Long) c[0]))).as("%016x", c[0]).isEqualTo(c[1]);
        }
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersAndTheLimitsOfWhatWeSign() throws Exception {
        assertThat(CanonicalJson.string(parse("{\"b\":[1,-2,0],\"a\":{\"z\":9007199254740992,\"y\":null}}")))
                .isEqualTo("{\"a\":{\"y\":null,\"z\":9007199254740992},\"b\":[1,-2,0]}");
        assertThatThrownBy(() -> CanonicalJson.string(parse("[9007199254740993]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.string(JsonNodeFactory.instance.textNode("\ud800x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.string(JsonNodeFactory.instance.textNode("\u2028\u007f\u001f")))
                .isEqualTo("\"\u2028\u007f\\u001f\"");
        assertThat(new String(CanonicalJson.bytes(JsonNodeFactory.instance.textNode("\u20ac")), StandardCharsets.ISO_8859_1))
                .isEqualTo("\"\u00e2\u0082\u00ac\"");
    }
}
