package io.numicoin.protocol.money;

import java.math.BigDecimal;

/**
 * An amount of NUMI in base units (1 NUMI = 10^8 units), always within {@code [0, MAX_MONEY]}.
 * Arithmetic is overflow-checked and throws {@link ArithmeticException} when a result leaves that range.
 */
public record Amount(long units) implements Comparable<Amount> {

    public static final long UNITS_PER_NUMI = 100_000_000L;

    /**
     * The most NUMI that can ever exist: the mainnet subsidy schedule summed over all 64 halvings
     * (checked by a test against {@code SubsidySchedule}). No amount field may exceed it.
     */
    public static final long MAX_MONEY = 1_973_135_998_890_000L;

    public static final Amount ZERO = new Amount(0);

    public Amount {
        if (units < 0 || units > MAX_MONEY) {
            throw new ArithmeticException("amount " + units + " is outside [0, " + MAX_MONEY + "]");
        }
    }

    public static Amount ofUnits(long units) {
        return new Amount(units);
    }

    /** Parses a decimal NUMI string such as {@code "88.88"} (at most 8 decimals). */
    public static Amount parseNumi(String numi) {
        BigDecimal value = new BigDecimal(numi);
        try {
            return new Amount(value.movePointRight(8).longValueExact());
        } catch (ArithmeticException e) {
            throw new ArithmeticException("not a NUMI amount with at most 8 decimals: " + numi);
        }
    }

    public static boolean isValid(long units) {
        return units >= 0 && units <= MAX_MONEY;
    }

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(units, other.units));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(units, other.units));
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isLessThan(Amount other) {
        return units < other.units;
    }

    @Override
    public int compareTo(Amount other) {
        return Long.compare(units, other.units);
    }

    /** Decimal NUMI, e.g. {@code 88.88000000}. */
    public String toNumiString() {
        return BigDecimal.valueOf(units, 8).toPlainString();
    }

    @Override
    public String toString() {
        return toNumiString() + " NUMI";
    }
}
