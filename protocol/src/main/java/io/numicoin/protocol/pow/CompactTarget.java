package io.numicoin.protocol.pow;

import java.math.BigInteger;

/**
 * A 256-bit proof-of-work target in Bitcoin's 32-bit compact form: the high byte is a base-256
 * exponent, the low 23 bits a mantissa. Only canonical encodings are valid: positive (sign bit
 * clear, mantissa non-zero), normalised (no leading zero byte in the mantissa when it could be
 * shorter) and below 2^256. {@link #fromTarget} always produces the canonical form.
 */
public record CompactTarget(int bits) {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    /** True when {@code bits} is the one canonical encoding of a target in {@code [1, 2^256)}. */
    public boolean isCanonical() {
        int exponent = bits >>> 24;
        int mantissa = bits & 0x007f_ffff;
        if ((bits & 0x0080_0000) != 0 || mantissa == 0 || exponent > 33) {
            return false;
        }
        BigInteger target = decode(exponent, mantissa);
        return target.signum() > 0 && target.compareTo(TWO_256) < 0 && fromTarget(target).bits == bits;
    }

    /** The full target. Call only on canonical encodings. */
    public BigInteger toTarget() {
        if (!isCanonical()) {
            throw new IllegalStateException("not a canonical compact target: " + Integer.toHexString(bits));
        }
        return decode(bits >>> 24, bits & 0x007f_ffff);
    }

    private static BigInteger decode(int exponent, int mantissa) {
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    }

    /**
     * The canonical compact form of {@code target}, rounding down to 23 significant bits.
     *
     * @throws IllegalArgumentException if {@code target} is not in {@code [1, 2^256)} or rounds to zero
     */
    public static CompactTarget fromTarget(BigInteger target) {
        if (target.signum() <= 0 || target.compareTo(TWO_256) >= 0) {
            throw new IllegalArgumentException("target out of range: " + target);
        }
        int size = (target.bitLength() + 7) / 8;
        int mantissa = size <= 3
                ? target.intValue() << (8 * (3 - size))
                : target.shiftRight(8 * (size - 3)).intValue();
        if ((mantissa & 0x0080_0000) != 0) {
            mantissa >>>= 8;
            size++;
        }
        return new CompactTarget((size << 24) | mantissa);
    }

    /** Expected hashes to meet this target: {@code 2^256 / (target + 1)}. */
    public BigInteger work() {
        return ChainWork.ofTarget(toTarget());
    }

    @Override
    public String toString() {
        return String.format("0x%08x", bits);
    }
}
