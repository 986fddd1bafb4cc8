package io.hub.payments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Jackson 2 reading of <em>verified</em> webhook bodies, shared by the adapters. Strict: duplicate keys,
 * trailing tokens and non-object roots are refused (an ambiguous body is not a body the hub acts on);
 * decimals are read as {@code BigDecimal}, never {@code double}. Every failure is a
 * {@link MalformedWebhookException}.
 */
public final class WebhookJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private WebhookJson() {
    }

    /** The body as a JSON object tree. */
    public static JsonNode readObject(byte[] rawBody) {
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(rawBody)) {
            root = MAPPER.readTree(p);
        } catch (IOException e) {
            throw MalformedWebhookException.body("body is not valid JSON");
        }
        if (root == null || !root.isObject()) throw MalformedWebhookException.body("body is not a JSON object");
        return root;
    }

    /** A required non-empty text field. */
    public static String text(JsonNode node, String field) {
        return optText(node, field).orElseThrow(() -> MalformedWebhookException.body("missing text field " + field));
    }

    /** An optional text field: empty when absent or null; a non-text value is malformed. */
    public static Optional<String> optText(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw MalformedWebhookException.body("field " + field + " is not a string");
        // PostgreSQL text cannot hold U+0000: refused here as malformed, not failed at the insert as a 5xx retried for ever
        if (v.asText().indexOf('\u0000') >= 0) throw MalformedWebhookException.body("field " + field + " contains a NUL character");
        return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /** An optional integer field that fits a {@code long}; anything else (decimal, string) is malformed. */
    public static Optional<Long> optLong(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw MalformedWebhookException.body("field " + field + " is not an integer");
        }
        return Optional.of(v.longValue());
    }

    /** An optional object field; a non-object value is malformed. */
    public static Optional<JsonNode> optObject(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isObject()) throw MalformedWebhookException.body("field " + field + " is not an object");
        return Optional.of(v);
    }

    /**
     * An amount given as an integer count of the currency's minor units (Stripe: "amount … in the smallest
     * currency unit", docs.stripe.com/currencies) with an ISO 4217 code in any case.
     *
     * @param amount   the JSON amount node; must be a non-negative integer that fits a {@code long}
     * @param currency the code, e.g. {@code "eur"} or {@code "EUR"}
     * @throws MalformedWebhookException INVALID_AMOUNT for a decimal / string / negative / out-of-range amount
     *                                   or an unknown currency (or one without a minor unit)
     */
    public static Money minorUnits(JsonNode amount, String currency) {
        if (amount == null || !amount.isIntegralNumber()) {
            throw MalformedWebhookException.amount("amount must be an integer of minor units");
        }
        if (!amount.canConvertToLong()) throw MalformedWebhookException.amount("amount out of range");
        long minor = amount.longValue();
        if (minor < 0) throw MalformedWebhookException.amount("amount must not be negative");
        if (currency == null) throw MalformedWebhookException.amount("currency missing");
        try {
            return Money.ofMinor(minor, CurrencyUnit.of(currency.toUpperCase(Locale.ROOT)));
        } catch (CurrencyUnit.UnknownCurrencyException e) {
            throw MalformedWebhookException.amount("unknown currency " + currency);
        }
    }
}
