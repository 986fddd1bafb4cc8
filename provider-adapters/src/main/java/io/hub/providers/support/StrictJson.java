package io.hub.providers.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.wallet.WalletRejection;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Internal: strict JSON reading for provider bodies. Duplicate keys and trailing content are refused (a body that two
 * parsers could read differently is never accepted), decimals are read as {@link BigDecimal} (never binary floating point), and field
 * readers check JSON types exactly.
 */
public final class StrictJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StrictJson() {
    }

    /** Parses a body that must be one JSON object. */
    public static JsonNode parseObject(byte[] body) throws BadRequest {
        if (body == null || body.length == 0) throw new BadRequest(WalletRejection.INVALID_MESSAGE, "empty body");
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest(WalletRejection.INVALID_MESSAGE, "body is not valid JSON");
        }
        if (node == null || !node.isObject()) throw new BadRequest(WalletRejection.INVALID_MESSAGE, "body is not a JSON object");
        return node;
    }

    /** Best effort: the object, or null when the body is not a JSON object (used to echo ids in error answers). */
    public static JsonNode tryParse(byte[] body) {
        try {
            return parseObject(body);
        } catch (BadRequest e) {
            return null;
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode present(JsonNode obj, String field) {
        JsonNode v = obj == null ? null : obj.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** A string field; null if absent and not required. Numbers are refused (wrong type). */
    public static String text(JsonNode obj, String field, boolean required) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v == null) {
            if (required) throw new BadRequest(WalletRejection.MISSING_FIELD, field + " is required");
            return null;
        }
        if (!v.isTextual()) throw BadRequest.wrongType(field, "a string");
        if (required && v.textValue().isEmpty()) throw new BadRequest(WalletRejection.MISSING_FIELD, field + " is empty");
        // PostgreSQL text cannot hold U+0000: a bad request, not an internal error the provider retries for ever
        if (v.textValue().indexOf('\u0000') >= 0) throw new BadRequest(WalletRejection.INVALID_MESSAGE, field + " contains a NUL character");
        return v.textValue();
    }

    /** A string or integer id field as text (some providers send round ids as numbers). */
    public static String id(JsonNode obj, String field, boolean required) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v != null && v.isIntegralNumber()) return v.bigIntegerValue().toString();
        return text(obj, field, required);
    }

    /** An integer JSON number (any size; the caller bounds it). Floats, exponents with fractions and strings are refused. */
    public static BigInteger integer(JsonNode obj, String field, boolean required) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v == null) {
            if (required) throw new BadRequest(WalletRejection.MISSING_FIELD, field + " is required");
            return null;
        }
        if (v.isIntegralNumber()) return v.bigIntegerValue();
        throw BadRequest.wrongType(field, "an integer");
    }

    /** A decimal amount: a JSON number or a numeric string, read exactly. */
    public static BigDecimal decimal(JsonNode obj, String field, boolean required) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v == null) {
            if (required) throw new BadRequest(WalletRejection.MISSING_FIELD, field + " is required");
            return null;
        }
        if (v.isNumber()) return v.decimalValue();
        if (v.isTextual()) {
            try {
                String t = v.textValue();
                if (t.length() > 40 || !t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) throw new NumberFormatException();
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw new BadRequest(WalletRejection.INVALID_AMOUNT, field + " is not a decimal");
            }
        }
        throw BadRequest.wrongType(field, "a number");
    }

    /** A boolean field; {@code dflt} when absent. */
    public static boolean bool(JsonNode obj, String field, boolean dflt) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v == null) return dflt;
        if (!v.isBoolean()) throw BadRequest.wrongType(field, "a boolean");
        return v.booleanValue();
    }

    /** A nested object; null when absent and not required. */
    public static JsonNode objectField(JsonNode obj, String field, boolean required) throws BadRequest {
        JsonNode v = present(obj, field);
        if (v == null) {
            if (required) throw new BadRequest(WalletRejection.MISSING_FIELD, field + " is required");
            return null;
        }
        if (!v.isObject()) throw BadRequest.wrongType(field, "an object");
        return v;
    }

    /** Best-effort text of a top-level field for echoing in error answers; null if absent or not a string. */
    public static String echo(JsonNode obj, String field) {
        JsonNode v = present(obj, field);
        return v != null && v.isValueNode() ? v.asText() : null;
    }
}
