package io.hub.games.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number {@code numerator / denominator} in lowest terms with a positive denominator.
 * Used for RTP, hit frequency and moments computed by enumeration; never for money amounts (those are
 * {@code long} minor units).
 *
 * @param numerator   any integer
 * @param denominator positive, coprime with the numerator
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    /** Normalises to lowest terms. @throws ArithmeticException when the denominator is zero */
    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) throw new ArithmeticException("zero denominator");
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger g = numerator.gcd(denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
        if (numerator.signum() == 0) denominator = BigInteger.ONE;
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(long value) {
        return of(value, 1);
    }

    /** Parses {@code "113477/131072"} or an integer {@code "3"}. */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return new Fraction(new BigInteger(text.trim()), BigInteger.ONE);
        return new Fraction(new BigInteger(text.substring(0, slash).trim()), new BigInteger(text.substring(slash + 1).trim()));
    }

    public Fraction plus(Fraction o) {
        return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    public Fraction minus(Fraction o) {
        return plus(o.negate());
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction times(Fraction o) {
        return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Fraction times(long k) {
        return new Fraction(numerator.multiply(BigInteger.valueOf(k)), denominator);
    }

    /** @throws ArithmeticException when {@code o} is zero */
    public Fraction dividedBy(Fraction o) {
        if (o.numerator.signum() == 0) throw new ArithmeticException("division by zero");
        return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public Fraction dividedBy(long k) {
        return new Fraction(numerator, denominator.multiply(BigInteger.valueOf(k)));
    }

    public int signum() {
        return numerator.signum();
    }

    /** The value rounded to {@code scale} decimal places, HALF_EVEN. */
    public BigDecimal toBigDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
    }

    /** Square root (for a standard deviation) to {@code scale} places; the fraction must be non-negative. */
    public BigDecimal sqrt(int scale) {
        if (signum() < 0) throw new ArithmeticException("square root of a negative number");
        BigDecimal v = toBigDecimal(scale * 2 + 10);
        return v.sqrt(new MathContext(scale + 40, RoundingMode.HALF_EVEN)).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** For reports only; never for money. */
    public double toDouble() {
        return toBigDecimal(20).doubleValue();
    }

    @Override
    public int compareTo(Fraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
