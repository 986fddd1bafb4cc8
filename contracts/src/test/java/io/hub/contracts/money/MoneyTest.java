package io.hub.contracts.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hub.contracts.money.AmountFormatException.Reason;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    private static final CurrencyUnit JPY = CurrencyUnit.of("JPY");
    private static final CurrencyUnit BHD = CurrencyUnit.of("BHD");
    private static final CurrencyUnit USD = CurrencyUnit.of("USD");

    // ---------------------------------------------------------------- parse: accepted

    @Test
    void parses_euros_and_cents_exactly() {
        assertThat(Money.parse("1.50", EUR)).isEqualTo(new Money(150, EUR));
        assertThat(Money.parse("1.5", EUR)).isEqualTo(new Money(150, EUR));
        assertThat(Money.parse("0.05", EUR)).isEqualTo(new Money(5, EUR));
        assertThat(Money.parse("0.10", EUR)).isEqualTo(new Money(10, EUR));
        assertThat(Money.parse("1", EUR)).isEqualTo(new Money(100, EUR));
        assertThat(Money.parse("0", EUR)).isEqualTo(new Money(0, EUR));
        assertThat(Money.parse("102.50", EUR)).isEqualTo(new Money(10_250, EUR));
    }

    @Test
    void parses_negative_amounts() {
        assertThat(Money.parse("-3", EUR)).isEqualTo(new Money(-300, EUR));
        assertThat(Money.parse("-0.05", EUR)).isEqualTo(new Money(-5, EUR));
        assertThat(Money.parse("-0", EUR)).isEqualTo(new Money(0, EUR));
    }

    @Test
    void parses_yen_without_decimals() {
        assertThat(Money.parse("1", JPY)).isEqualTo(new Money(1, JPY));
        assertThat(Money.parse("1500", JPY)).isEqualTo(new Money(1500, JPY));
    }

    @Test
    void parses_bahraini_dinar_with_three_decimals() {
        assertThat(BHD.scale()).isEqualTo(3);
        assertThat(Money.parse("1.234", BHD)).isEqualTo(new Money(1234, BHD));
        assertThat(Money.parse("0.001", BHD)).isEqualTo(new Money(1, BHD));
        assertThat(Money.parse("2.5", BHD)).isEqualTo(new Money(2500, BHD));
        assertReason(() -> Money.parse("1.2345", BHD), Reason.TOO_MANY_DECIMALS);
    }

    @Test
    void parses_the_extremes_of_a_long() {
        assertThat(Money.parse("92233720368547758.07", EUR)).isEqualTo(new Money(Long.MAX_VALUE, EUR));
        assertThat(Money.parse("-92233720368547758.08", EUR)).isEqualTo(new Money(Long.MIN_VALUE, EUR));
        assertThat(Money.parse("9223372036854775807", JPY)).isEqualTo(new Money(Long.MAX_VALUE, JPY));
    }

    // ---------------------------------------------------------------- parse: refused

    @Test
    void refuses_more_decimals_than_the_currency_has() {
        assertReason(() -> Money.parse("1.001", EUR), Reason.TOO_MANY_DECIMALS);
        assertReason(() -> Money.parse("1.0", JPY), Reason.TOO_MANY_DECIMALS);
        assertReason(() -> Money.parse("1.00", JPY), Reason.TOO_MANY_DECIMALS);
        // a trailing zero is still a decimal place the currency does not have: never silently rounded
        assertReason(() -> Money.parse("1.500", EUR), Reason.TOO_MANY_DECIMALS);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1e3", "1E3", "+1", " 1", "1 ", "1.", ".5", "01.5", "00", "-", "-.5", "1,50", "1.5.0",
            "abc", "0x10", "١", "1_000", "NaN", "Infinity", "--1", "- 1", "1.-5"})
    void refuses_anything_but_a_plain_decimal_as_malformed(String text) {
        assertReason(() -> Money.parse(text, EUR), Reason.MALFORMED);
    }

    @Test
    void refuses_text_longer_than_forty_characters_as_malformed() {
        String fortyOne = "0." + "0".repeat(39);
        assertThat(fortyOne).hasSize(41);
        assertReason(() -> Money.parse(fortyOne, EUR), Reason.MALFORMED);
    }

    @Test
    void refuses_an_amount_that_does_not_fit_a_long_of_minor_units() {
        // 9223372036854775807 cents is the largest; one more is out of range
        assertReason(() -> Money.parse("92233720368547758.08", EUR), Reason.OUT_OF_RANGE);
        assertReason(() -> Money.parse("-92233720368547758.09", EUR), Reason.OUT_OF_RANGE);
        assertReason(() -> Money.parse("9223372036854775808", JPY), Reason.OUT_OF_RANGE);
        // 19 integer digits fit a long of major units but not of cents
        assertReason(() -> Money.parse("1000000000000000000", EUR), Reason.OUT_OF_RANGE);
    }

    @Test
    void twenty_digit_amount_is_out_of_range_not_malformed() {
        assertReason(() -> Money.parse("12345678901234567890", EUR), Reason.OUT_OF_RANGE);
        assertReason(() -> Money.parse("12345678901234567890", JPY), Reason.OUT_OF_RANGE);
        assertReason(() -> Money.parse("-12345678901234567890", JPY), Reason.OUT_OF_RANGE);
    }

    @Test
    void nineteen_decimal_places_are_too_many_decimals_not_malformed() {
        assertReason(() -> Money.parse("0." + "0".repeat(18) + "1", EUR), Reason.TOO_MANY_DECIMALS);
    }

    // ---------------------------------------------------------------- formatting

    @Test
    void formats_with_exactly_the_currency_scale() {
        assertThat(new Money(150, EUR).toDecimalString()).isEqualTo("1.50");
        assertThat(new Money(5, EUR).toDecimalString()).isEqualTo("0.05");
        assertThat(new Money(0, EUR).toDecimalString()).isEqualTo("0.00");
        assertThat(new Money(10_250, EUR).toDecimalString()).isEqualTo("102.50");
        assertThat(new Money(1, JPY).toDecimalString()).isEqualTo("1");
        assertThat(new Money(0, JPY).toDecimalString()).isEqualTo("0");
        assertThat(new Money(1, BHD).toDecimalString()).isEqualTo("0.001");
        assertThat(new Money(Long.MAX_VALUE, EUR).toDecimalString()).isEqualTo("92233720368547758.07");
    }

    @Test
    void formats_negative_amounts() {
        assertThat(new Money(-5, EUR).toDecimalString()).isEqualTo("-0.05");
        assertThat(new Money(-150, EUR).toDecimalString()).isEqualTo("-1.50");
        assertThat(new Money(-1, BHD).toDecimalString()).isEqualTo("-0.001");
        assertThat(new Money(-7, JPY).toDecimalString()).isEqualTo("-7");
        assertThat(new Money(Long.MIN_VALUE, EUR).toDecimalString()).isEqualTo("-92233720368547758.08");
    }

    @Test
    void to_string_is_amount_and_code() {
        assertThat(new Money(-5, EUR)).hasToString("-0.05 EUR");
        assertThat(new Money(1500, JPY)).hasToString("1500 JPY");
    }

    // ---------------------------------------------------------------- arithmetic

    @Test
    void adds_subtracts_negates_and_multiplies_exactly() {
        Money a = new Money(150, EUR);
        Money b = new Money(25, EUR);
        assertThat(a.plus(b)).isEqualTo(new Money(175, EUR));
        assertThat(a.minus(b)).isEqualTo(new Money(125, EUR));
        assertThat(b.minus(a)).isEqualTo(new Money(-125, EUR));
        assertThat(a.negate()).isEqualTo(new Money(-150, EUR));
        assertThat(a.times(3)).isEqualTo(new Money(450, EUR));
        assertThat(a.times(0)).isEqualTo(Money.zero(EUR));
        assertThat(a.times(-2)).isEqualTo(new Money(-300, EUR));
        assertThat(Money.ofMinor(7, JPY)).isEqualTo(new Money(7, JPY));
    }

    @Test
    void overflow_throws_instead_of_wrapping() {
        Money max = new Money(Long.MAX_VALUE, EUR);
        Money min = new Money(Long.MIN_VALUE, EUR);
        Money cent = new Money(1, EUR);
        assertThatThrownBy(() -> max.plus(cent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(cent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 10 + 1, EUR).times(10)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.times(-1)).isInstanceOf(ArithmeticException.class);
        // the largest values that still fit are fine
        assertThat(new Money(Long.MAX_VALUE - 1, EUR).plus(cent)).isEqualTo(max);
        assertThat(new Money(Long.MAX_VALUE / 10, EUR).times(10).amountMinor()).isEqualTo(Long.MAX_VALUE / 10 * 10);
    }

    @Test
    void mixed_currencies_are_refused() {
        Money eur = new Money(100, EUR);
        Money usd = new Money(100, USD);
        assertThatThrownBy(() -> eur.plus(usd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency mismatch: EUR vs USD");
        assertThatThrownBy(() -> eur.minus(usd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency mismatch: EUR vs USD");
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency mismatch: EUR vs USD");
    }

    @Test
    void compares_within_a_currency_and_knows_positive() {
        assertThat(new Money(1, EUR).compareTo(new Money(2, EUR))).isNegative();
        assertThat(new Money(2, EUR).compareTo(new Money(2, EUR))).isZero();
        assertThat(new Money(-1, EUR).compareTo(new Money(-2, EUR))).isPositive();
        assertThat(new Money(1, EUR).isPositive()).isTrue();
        assertThat(new Money(0, EUR).isPositive()).isFalse();
        assertThat(new Money(-1, EUR).isPositive()).isFalse();
    }

    @Test
    void currency_is_required() {
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class).hasMessage("currency");
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 2000)
    void round_trips_any_amount_in_any_supported_currency(@ForAll long amountMinor, @ForAll("currencies") CurrencyUnit currency) {
        Money money = new Money(amountMinor, currency);
        String text = money.toDecimalString();
        assertThat(Money.parse(text, currency)).isEqualTo(money);
    }

    @Property(tries = 1000)
    void formatted_amount_has_exactly_the_currency_scale(@ForAll long amountMinor, @ForAll("currencies") CurrencyUnit currency) {
        String text = new Money(amountMinor, currency).toDecimalString();
        int dot = text.indexOf('.');
        if (currency.scale() == 0) {
            assertThat(dot).isEqualTo(-1);
        } else {
            assertThat(text.length() - dot - 1).isEqualTo(currency.scale());
        }
        assertThat(text).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    }

    @Property(tries = 1000)
    void plus_then_minus_is_identity(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                     @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money x = new Money(a, EUR);
        Money y = new Money(b, EUR);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.plus(y.negate())).isEqualTo(x.minus(y));
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(isoCurrencies());
    }

    @Example
    void the_property_runs_over_all_scales() {
        assertThat(isoCurrencies()).extracting(CurrencyUnit::scale).contains(0, 2, 3);
    }

    private static List<CurrencyUnit> isoCurrencies() {
        List<CurrencyUnit> units = new ArrayList<>();
        for (java.util.Currency c : java.util.Currency.getAvailableCurrencies()) {
            if (c.getDefaultFractionDigits() >= 0) units.add(CurrencyUnit.of(c.getCurrencyCode()));
        }
        return units;
    }

    // ---------------------------------------------------------------- CurrencyUnit

    @Nested
    class CurrencyUnitTest {
        @Test
        void takes_the_scale_from_iso_4217() {
            assertThat(CurrencyUnit.of("EUR")).isEqualTo(new CurrencyUnit("EUR", 2));
            assertThat(CurrencyUnit.of("JPY")).isEqualTo(new CurrencyUnit("JPY", 0));
            assertThat(CurrencyUnit.of("BHD")).isEqualTo(new CurrencyUnit("BHD", 3));
            assertThat(CurrencyUnit.of("KWD").scale()).isEqualTo(3);
            assertThat(CurrencyUnit.of("CLF").scale()).isEqualTo(4);
        }

        @Test
        void minor_per_major_is_ten_to_the_scale() {
            assertThat(CurrencyUnit.of("JPY").minorPerMajor()).isEqualTo(1);
            assertThat(CurrencyUnit.of("EUR").minorPerMajor()).isEqualTo(100);
            assertThat(CurrencyUnit.of("BHD").minorPerMajor()).isEqualTo(1000);
            assertThat(CurrencyUnit.of("CLF").minorPerMajor()).isEqualTo(10_000);
        }

        @Test
        void to_string_is_the_code() {
            assertThat(CurrencyUnit.of("EUR")).hasToString("EUR");
        }

        @ParameterizedTest
        @ValueSource(strings = {"XYZ", "XAU", "XAG", "XDR", "XXX", "eur", "EU", "EURO", "", " EUR", "E1R"})
        void refuses_unknown_codes_and_codes_without_a_minor_unit(String code) {
            assertThatThrownBy(() -> CurrencyUnit.of(code)).isInstanceOf(CurrencyUnit.UnknownCurrencyException.class)
                    .hasMessage("unknown or unsupported currency: " + code);
        }

        @Test
        void refuses_null() {
            assertThatThrownBy(() -> CurrencyUnit.of(null)).isInstanceOf(CurrencyUnit.UnknownCurrencyException.class)
                    .hasMessage("unknown or unsupported currency: null");
        }

        @Test
        void constructor_checks_code_shape_and_scale() {
            assertThatThrownBy(() -> new CurrencyUnit("eur", 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an ISO 4217 code: eur");
            assertThatThrownBy(() -> new CurrencyUnit("EUR", -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unsupported scale -1 for EUR");
            assertThatThrownBy(() -> new CurrencyUnit("EUR", 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unsupported scale 5 for EUR");
            assertThatThrownBy(() -> new CurrencyUnit(null, 2)).isInstanceOf(NullPointerException.class).hasMessage("code");
            assertThat(new CurrencyUnit("EUR", 4).scale()).isEqualTo(4);
        }
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AmountFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
