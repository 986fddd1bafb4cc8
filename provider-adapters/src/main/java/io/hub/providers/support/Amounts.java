package io.hub.providers.support;

import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.WalletRejection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Exact conversions between protocol amounts and {@link Money}. Never floating point; an amount that would need
 * rounding is refused ({@code INVALID_AMOUNT}), never rounded (providers.md §1 row 7, §5.4).
 */
public final class Amounts {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private Amounts() {
    }

    /**
     * A plain decimal string in major units ({@code "10.00"}, {@code "0.5"}) → Money. Trailing zeros beyond the
     * currency's scale are accepted ({@code "10.00"} for JPY is 10) because no rounding is needed; any other extra
     * decimal place is refused.
     */
    public static Money parseDecimal(String text, CurrencyUnit currency, boolean allowNegative) throws BadRequest {
        if (text == null || text.isEmpty()) throw new BadRequest(WalletRejection.MISSING_FIELD, "amount is missing");
        if (text.length() > 40 || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new BadRequest(WalletRejection.INVALID_AMOUNT, "amount is not a plain decimal: " + text);
        }
        return ofDecimal(new BigDecimal(text), currency, allowNegative);
    }

    /** An exact decimal value (e.g. a JSON number read as BigDecimal) → Money; refuses rounding and overflow. */
    public static Money ofDecimal(BigDecimal value, CurrencyUnit currency, boolean allowNegative) throws BadRequest {
        if (!allowNegative && value.signum() < 0) throw new BadRequest(WalletRejection.INVALID_AMOUNT, "negative amount");
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > currency.scale()) {
            throw new BadRequest(WalletRejection.INVALID_AMOUNT,
                    currency.code() + " allows at most " + currency.scale() + " decimal places");
        }
        try {
            return Money.ofMinor(stripped.movePointRight(currency.scale()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new BadRequest(WalletRejection.INVALID_AMOUNT, "amount out of range");
        }
    }

    /**
     * An integer at a protocol scale (Hub88: 100000 per major unit for fiat, providers.md §1 row 7) → Money at the
     * currency's ISO scale. Refuses values with sub-minor-unit digits (e.g. 1001 at scale 5 for EUR).
     */
    public static Money ofScaledInteger(BigInteger value, int protocolScale, CurrencyUnit currency,
                                        boolean allowNegative) throws BadRequest {
        if (protocolScale < currency.scale()) {
            throw new IllegalStateException("protocol scale " + protocolScale + " below " + currency + " scale");
        }
        return ofDecimal(new BigDecimal(value, protocolScale), currency, allowNegative);
    }

    /** Money → integer at a protocol scale, exact (throws ArithmeticException on overflow: a programmer error). */
    public static long toScaledInteger(Money money, int protocolScale) {
        int shift = protocolScale - money.currency().scale();
        if (shift < 0) throw new IllegalStateException("protocol scale below currency scale");
        long f = 1;
        for (int i = 0; i < shift; i++) f = Math.multiplyExact(f, 10L);
        return Math.multiplyExact(money.amountMinor(), f);
    }

    /** Money → BigDecimal in major units with exactly the currency's scale (for JSON numbers such as 100.50). */
    public static BigDecimal toMajor(Money money) {
        return BigDecimal.valueOf(money.amountMinor(), money.currency().scale());
    }
}
