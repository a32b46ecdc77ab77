package io.numicoin.protocol.state;

import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A multiplicative hash of a set of byte strings (Bitcoin Core's MuHash3072): each element is
 * expanded to a number modulo the prime {@code p = 2^3072 - 1103717} (BLAKE3 {@code numi/state/element}
 * extendable output, 384 bytes, big-endian, reduced mod p) and the set hashes to the product of its
 * elements. Order does not matter, so the hash of a state can be updated one element at a time.
 *
 * <p>A value is a fraction {@code numerator / denominator}: {@link #insert} multiplies the numerator,
 * {@link #remove} the denominator, so each is one multiplication; {@link #finalizeBytes()} pays the one
 * modular inverse ({@link MuHashInverse}: safegcd, as Bitcoin Core's). The fraction is not unique —
 * two values for the same set may hold different pairs — so compare with {@link #sameSetAs} or
 * {@link #finalizeBytes()}; {@code equals} is identity.
 * An element whose expansion is 0 mod p cannot be hashed meaningfully; finding one means
 * inverting BLAKE3, so it is not handled.
 *
 * <p>Immutable and thread-safe: every update returns a new value.
 */
public final class MuHash3072 {

    /** Bytes of one group element and of the finalised value. */
    public static final int ELEMENT_BYTES = 384;
    /** Bytes of {@link #toBytes()}: numerator then denominator. */
    public static final int SERIALIZED_BYTES = 2 * ELEMENT_BYTES;

    private static final int BITS = 3072;
    private static final BigInteger C = BigInteger.valueOf(1_103_717);
    /** The prime modulus {@code 2^3072 - 1103717}. */
    static final BigInteger PRIME = BigInteger.ONE.shiftLeft(BITS).subtract(C);
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(BITS).subtract(BigInteger.ONE);

    /** The hash of the empty set. */
    public static final MuHash3072 EMPTY = new MuHash3072(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private MuHash3072(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The hash of the set holding only {@code element}. */
    public static MuHash3072 of(byte[] element) {
        return EMPTY.insert(element);
    }

    /** Adds {@code element} to the set (multiset semantics: adding twice counts twice). */
    public MuHash3072 insert(byte[] element) {
        return new MuHash3072(multiply(numerator, toGroupElement(element)), denominator);
    }

    /** Removes {@code element}, which the caller knows to be in the set. */
    public MuHash3072 remove(byte[] element) {
        return new MuHash3072(numerator, multiply(denominator, toGroupElement(element)));
    }

    /** The hash of the union (multiset sum) of both sets. */
    public MuHash3072 combine(MuHash3072 other) {
        return new MuHash3072(multiply(numerator, other.numerator), multiply(denominator, other.denominator));
    }

    /** The hash of this set minus {@code other}'s elements. */
    public MuHash3072 subtract(MuHash3072 other) {
        return new MuHash3072(multiply(numerator, other.denominator), multiply(denominator, other.numerator));
    }

    /** True when both values hash the same set: {@code a/b == c/d} iff {@code a*d == c*b} (mod p). */
    public boolean sameSetAs(MuHash3072 other) {
        return multiply(numerator, other.denominator).equals(multiply(other.numerator, denominator));
    }

    /** The canonical value {@code numerator / denominator mod p}: 384 bytes, big-endian. */
    public byte[] finalizeBytes() {
        BigInteger value = denominator.equals(BigInteger.ONE)
                ? numerator
                : multiply(numerator, MuHashInverse.of(denominator));
        return toFixedBytes(value);
    }

    /** The same set with denominator 1 (costs one inverse; makes {@link #toBytes()} canonical). */
    public MuHash3072 normalized() {
        return denominator.equals(BigInteger.ONE) ? this : fromFinalized(finalizeBytes());
    }

    /** Numerator then denominator, 384 bytes each, big-endian: the unfinalised value, for persisting. */
    public byte[] toBytes() {
        byte[] out = new byte[SERIALIZED_BYTES];
        System.arraycopy(toFixedBytes(numerator), 0, out, 0, ELEMENT_BYTES);
        System.arraycopy(toFixedBytes(denominator), 0, out, ELEMENT_BYTES, ELEMENT_BYTES);
        return out;
    }

    /** Reads {@link #toBytes()}: both halves must be in {@code [1, p)}. */
    public static MuHash3072 fromBytes(byte[] bytes) throws DecodeException {
        if (bytes.length != SERIALIZED_BYTES) {
            throw new DecodeException(bytes.length > SERIALIZED_BYTES ? DecodeError.TRAILING_BYTES : DecodeError.TRUNCATED,
                    "a MuHash3072 state has " + SERIALIZED_BYTES + " bytes, got " + bytes.length);
        }
        BigInteger numerator = readResidue(Arrays.copyOfRange(bytes, 0, ELEMENT_BYTES), "numerator");
        BigInteger denominator = readResidue(Arrays.copyOfRange(bytes, ELEMENT_BYTES, SERIALIZED_BYTES), "denominator");
        return new MuHash3072(numerator, denominator);
    }

    /** Reads a {@link #finalizeBytes()} value (denominator 1); it must be in {@code [1, p)}. */
    public static MuHash3072 fromFinalizedBytes(byte[] bytes) throws DecodeException {
        if (bytes.length != ELEMENT_BYTES) {
            throw new DecodeException(bytes.length > ELEMENT_BYTES ? DecodeError.TRAILING_BYTES : DecodeError.TRUNCATED,
                    "a finalised MuHash3072 has " + ELEMENT_BYTES + " bytes, got " + bytes.length);
        }
        return new MuHash3072(readResidue(bytes, "value"), BigInteger.ONE);
    }

    private static MuHash3072 fromFinalized(byte[] value) {
        return new MuHash3072(new BigInteger(1, value), BigInteger.ONE);
    }

    private static BigInteger readResidue(byte[] bytes, String field) throws DecodeException {
        BigInteger value = new BigInteger(1, bytes);
        if (value.signum() == 0 || value.compareTo(PRIME) >= 0) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "MuHash3072 " + field + " is not within [1, p)");
        }
        return value;
    }

    /** BLAKE3 {@code numi/state/element} XOF to 384 bytes, read big-endian and reduced mod p. */
    static BigInteger toGroupElement(byte[] element) {
        Objects.requireNonNull(element, "element");
        BigInteger value = new BigInteger(1, Blake3.xof(HashDomain.STATE_ELEMENT, ELEMENT_BYTES, element));
        return value.compareTo(PRIME) >= 0 ? value.subtract(PRIME) : value;
    }

    /** {@code a * b mod p} for {@code a, b} in {@code [0, p)}. */
    static BigInteger multiply(BigInteger a, BigInteger b) {
        return reduce(a.multiply(b));
    }

    /**
     * Reduces {@code x < p^2} mod p without division: since {@code 2^3072 = c (mod p)},
     * {@code hi * 2^3072 + lo = hi * c + lo}; two folds bring {@code x} below {@code 2p}.
     */
    static BigInteger reduce(BigInteger x) {
        while (x.bitLength() > BITS) {
            x = x.shiftRight(BITS).multiply(C).add(x.and(LOW_MASK));
        }
        return x.compareTo(PRIME) >= 0 ? x.subtract(PRIME) : x;
    }

    private static byte[] toFixedBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[ELEMENT_BYTES];
        int length = Math.min(raw.length, ELEMENT_BYTES);
        System.arraycopy(raw, raw.length - length, out, ELEMENT_BYTES - length, length);
        return out;
    }

    /** The first bytes of the finalised value (costs one modular inverse). */
    @Override
    public String toString() {
        return "MuHash3072[" + HexFormat.of().formatHex(finalizeBytes(), 0, 8) + "...]";
    }
}
