package io.hub.contracts.money;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with its scale: the number of decimal places of its minor unit
 * (EUR 2, JPY 0, BHD 3), taken from the JDK's ISO 4217 table ({@link Currency#getDefaultFractionDigits()}).
 *
 * <p>Codes without a minor unit in ISO 4217 (metals, funds such as XAU, XDR) are refused: the hub
 * only moves money whose smallest unit is defined.
 *
 * @param code  three upper-case letters, e.g. {@code "EUR"}
 * @param scale decimal places of the minor unit, 0..4
 */
public record CurrencyUnit(String code, int scale) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public CurrencyUnit {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("not an ISO 4217 code: " + code);
        if (scale < 0 || scale > 4) throw new IllegalArgumentException("unsupported scale " + scale + " for " + code);
    }

    /**
     * The currency for an ISO 4217 alphabetic code.
     *
     * @throws UnknownCurrencyException when the code is not ISO 4217 or has no minor unit
     */
    public static CurrencyUnit of(String code) {
        if (code == null || !CODE.matcher(code).matches()) throw new UnknownCurrencyException(code);
        Currency c;
        try {
            c = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new UnknownCurrencyException(code);
        }
        int digits = c.getDefaultFractionDigits();
        if (digits < 0) throw new UnknownCurrencyException(code);
        return new CurrencyUnit(code, digits);
    }

    /** 10^scale: how many minor units make one major unit (100 for EUR, 1 for JPY). */
    public long minorPerMajor() {
        long f = 1;
        for (int i = 0; i < scale; i++) f *= 10;
        return f;
    }

    @Override
    public String toString() {
        return code;
    }

    /** The code is not an ISO 4217 currency with a defined minor unit. */
    public static final class UnknownCurrencyException extends IllegalArgumentException {
        public UnknownCurrencyException(String code) {
            super("unknown or unsupported currency: " + code);
        }
    }
}
