package io.hub.contracts.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a signed {@code long} count of the currency's minor units (cents for EUR) plus the
 * currency. There is no floating point anywhere on the way in or out.
 *
 * <p>Decimal strings in major units ({@code "1.50"}) are the JSON form on the player API. They are parsed
 * exactly by {@link #parse(String, CurrencyUnit)}: a string with more decimal places than the currency's
 * scale is refused rather than rounded (a value that would need rounding never enters the hub).
 *
 * @param amountMinor the amount in minor units; may be negative (postings), never rounded
 * @param currency    ISO 4217 currency with its scale
 */
public record Money(long amountMinor, CurrencyUnit currency) implements Comparable<Money> {

    /**
     * Plain decimal: optional minus, integer digits without a leading zero, optional fraction. No exponent, sign
     * '+', or spaces. The digit counts are bounded only by the 40-character limit in {@link #parse}, so that a
     * well-formed amount too large for a {@code long} is OUT_OF_RANGE and one with too many places is
     * TOO_MANY_DECIMALS, not MALFORMED.
     */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long amountMinor, CurrencyUnit currency) {
        return new Money(amountMinor, currency);
    }

    public static Money zero(CurrencyUnit currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal string in major units, exactly.
     *
     * @param text     e.g. {@code "1.50"}, {@code "-3"}, {@code "0.05"}; at most 40 characters
     * @param currency the currency whose scale bounds the decimal places
     * @throws AmountFormatException when the text is not a plain decimal, has more decimal places than
     *                               {@code currency.scale()}, or does not fit a {@code long} of minor units
     */
    public static Money parse(String text, CurrencyUnit currency) {
        if (text == null) throw new AmountFormatException(AmountFormatException.Reason.MALFORMED, "amount is missing");
        if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            throw new AmountFormatException(AmountFormatException.Reason.MALFORMED,
                    "amount must be a decimal string such as \"1.50\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > currency.scale()) {
            throw new AmountFormatException(AmountFormatException.Reason.TOO_MANY_DECIMALS,
                    currency.code() + " allows at most " + currency.scale() + " decimal places");
        }
        try {
            return new Money(value.movePointRight(currency.scale()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new AmountFormatException(AmountFormatException.Reason.OUT_OF_RANGE, "amount is out of range");
        }
    }

    /** The decimal string in major units with exactly {@code currency.scale()} places, e.g. {@code "102.50"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(amountMinor, currency.scale()).toPlainString();
    }

    /** Exact sum; throws {@link ArithmeticException} on overflow, {@link IllegalArgumentException} on mixed currencies. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), currency);
    }

    /** Exact product with an integer multiplier (a paytable's "pays N for 1"); throws on overflow. */
    public Money times(long multiplier) {
        return new Money(Math.multiplyExact(amountMinor, multiplier), currency);
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    @Override
    public int compareTo(Money o) {
        requireSameCurrency(o);
        return Long.compare(amountMinor, o.amountMinor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.code();
    }
}
