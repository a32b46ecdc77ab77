package io.numicoin.protocol.state;

import java.math.BigInteger;

/**
 * The inverse modulo MuHash3072's prime by Bernstein and Yang's safegcd, in the variable-time form
 * libsecp256k1 uses ({@code modinv64_var}) and Bitcoin Core uses for MuHash3072's finalisation:
 * divsteps on the low 62 bits of {@code f} and {@code g} give a 2x2 matrix of 62-bit
 * entries, which is then applied to the full-width {@code f, g} (the gcd pair, which shrinks) and
 * {@code d, e} (the Bezout coefficients, kept modulo p and divided by {@code 2^62} each round by
 * adding a multiple of p). About 100 rounds for a random 3072-bit input, against the bit-at-a-time
 * binary algorithm of {@code BigInteger.modInverse}: about 5x faster here ({@code bench/run protocol},
 * {@code protocol.state.muhash.finalize.own_over_biginteger}). Variable time is fine: MuHash values
 * are public. Products stay {@code BigInteger}'s, whose multiplication is a JIT intrinsic that a
 * fixed-width Java loop did not beat (0.8 of its speed, measured).
 *
 * <p>Numbers here are 50 signed 62-bit limbs, least significant first: limbs below the top one in
 * {@code [0, 2^62)}, the top one signed. 128-bit intermediates are (high, low) pairs of longs.
 */
final class MuHashInverse {

    private static final int LIMBS = 50;
    private static final long M62 = -1L >>> 2;
    private static final int WORDS = MuHash3072.ELEMENT_BYTES / Long.BYTES;
    private static final long[] MODULUS = toLimbs(MuHash3072.PRIME);
    /** {@code p^-1 mod 2^62}, by Newton's iteration: each step doubles the correct low bits (an odd x is its own inverse mod 8). */
    private static final long MODULUS_INV62 = inverseMod2To62(MODULUS[0]);

    private MuHashInverse() {
    }

    /** {@code value^-1 mod p} for {@code value} in {@code [1, p)}. */
    static BigInteger of(BigInteger value) {
        if (value.signum() <= 0 || value.compareTo(MuHash3072.PRIME) >= 0) {
            throw new ArithmeticException("only [1, p) is inverted modulo p, not a number of " + value.bitLength() + " bits");
        }
        long[] d = new long[LIMBS];
        long[] e = new long[LIMBS];
        e[0] = 1;
        long[] f = MODULUS.clone();
        long[] g = toLimbs(value);
        long[] matrix = new long[4];
        int length = LIMBS;
        long eta = -1;
        while (true) {
            eta = divsteps(eta, f[0], g[0], matrix);
            updateBezout(d, e, matrix);
            updateGcdPair(length, f, g, matrix);
            if (g[0] == 0 && isZeroAbove(g, length)) {
                break;
            }
            long fTop = f[length - 1];
            long gTop = g[length - 1];
            // shrink when both top limbs are 0 or -1 (their value moves into the limb below)
            if (length > 1 && (fTop ^ (fTop >> 63)) == 0 && (gTop ^ (gTop >> 63)) == 0) {
                f[length - 2] |= fTop << 62;
                g[length - 2] |= gTop << 62;
                length--;
            }
        }
        // f is now gcd(value, p) up to sign: +-1 for any value in [1, p); d * f is the inverse
        long sign = signOfUnit(f, length);
        if (sign == 0) {
            throw new ArithmeticException("no inverse modulo p: not a unit");
        }
        return toBigInteger(normalize(d, sign));
    }

    /**
     * 62 divsteps on the low bits of {@code f} (odd) and {@code g}; writes the matrix {@code u, v, q, r}
     * with {@code 2^62 * [f', g'] = [[u, v], [q, r]] * [f, g]} and returns the new eta ({@code -delta}).
     */
    private static long divsteps(long eta, long f0, long g0, long[] matrix) {
        long u = 1;
        long v = 0;
        long q = 0;
        long r = 1;
        long f = f0;
        long g = g0;
        int left = 62;
        while (true) {
            // the zero bits of g (at most as many as divsteps are left) each take one divstep: halve g
            int zeros = Long.numberOfTrailingZeros(g | (-1L << left));
            g >>>= zeros;
            u <<= zeros;
            v <<= zeros;
            eta -= zeros;
            left -= zeros;
            if (left == 0) {
                break;
            }
            long w;
            int limit;
            if (eta < 0) {
                // swap: f, g = g, -f
                eta = -eta;
                long swap = f;
                f = g;
                g = -swap;
                swap = u;
                u = q;
                q = -swap;
                swap = v;
                v = r;
                r = -swap;
                // cancel up to 6 low bits of g at once (no more than are left, nor than eta + 1)
                limit = (int) Math.min(eta + 1, left);
                long mask = (-1L >>> (64 - limit)) & 63;
                w = (f * g * (f * f - 2)) & mask;
            } else {
                limit = (int) Math.min(eta + 1, left);
                long mask = (-1L >>> (64 - limit)) & 15;
                w = f + (((f + 1) & 4) << 1);
                w = (-w * g) & mask;
            }
            g += f * w;
            q += u * w;
            r += v * w;
        }
        matrix[0] = u;
        matrix[1] = v;
        matrix[2] = q;
        matrix[3] = r;
        return eta;
    }

    /**
     * {@code [d, e] = (matrix * [d, e] + p * [md, me]) / 2^62}, with {@code md, me} chosen so the low 62
     * bits cancel: keeps {@code d, e} in {@code (-2p, p)} and multiplies them by the same {@code 2^-62}
     * as {@code f, g}.
     */
    private static void updateBezout(long[] d, long[] e, long[] matrix) {
        long u = matrix[0];
        long v = matrix[1];
        long q = matrix[2];
        long r = matrix[3];
        long signD = d[LIMBS - 1] >> 63;
        long signE = e[LIMBS - 1] >> 63;
        long md = (u & signD) + (v & signE);
        long me = (q & signD) + (r & signE);
        Accumulator cd = new Accumulator();
        Accumulator ce = new Accumulator();
        cd.addProduct(u, d[0]).addProduct(v, e[0]);
        ce.addProduct(q, d[0]).addProduct(r, e[0]);
        md -= (MODULUS_INV62 * cd.low + md) & M62;
        me -= (MODULUS_INV62 * ce.low + me) & M62;
        cd.addProduct(MODULUS[0], md).shift62();
        ce.addProduct(MODULUS[0], me).shift62();
        for (int i = 1; i < LIMBS; i++) {
            long di = d[i];
            long ei = e[i];
            d[i - 1] = cd.addProduct(u, di).addProduct(v, ei).addProduct(MODULUS[i], md).low & M62;
            e[i - 1] = ce.addProduct(q, di).addProduct(r, ei).addProduct(MODULUS[i], me).low & M62;
            cd.shift62();
            ce.shift62();
        }
        d[LIMBS - 1] = cd.low;
        e[LIMBS - 1] = ce.low;
    }

    /** {@code [f, g] = matrix * [f, g] / 2^62} over the first {@code length} limbs (exact: the divsteps cleared 62 bits). */
    private static void updateGcdPair(int length, long[] f, long[] g, long[] matrix) {
        long u = matrix[0];
        long v = matrix[1];
        long q = matrix[2];
        long r = matrix[3];
        Accumulator cf = new Accumulator().addProduct(u, f[0]).addProduct(v, g[0]).shift62();
        Accumulator cg = new Accumulator().addProduct(q, f[0]).addProduct(r, g[0]).shift62();
        for (int i = 1; i < length; i++) {
            long fi = f[i];
            long gi = g[i];
            f[i - 1] = cf.addProduct(u, fi).addProduct(v, gi).low & M62;
            g[i - 1] = cg.addProduct(q, fi).addProduct(r, gi).low & M62;
            cf.shift62();
            cg.shift62();
        }
        f[length - 1] = cf.low;
        g[length - 1] = cg.low;
    }

    private static boolean isZeroAbove(long[] g, int length) {
        long any = 0;
        for (int i = 1; i < length; i++) {
            any |= g[i];
        }
        return any == 0;
    }

    /** 1 or -1 when the first {@code length} limbs of {@code f} hold that value, else 0. */
    private static long signOfUnit(long[] f, int length) {
        long top = f[length - 1];
        long low = length == 1 ? top : f[0];
        boolean plusOne = top == (length == 1 ? 1 : 0) && low == 1;
        boolean minusOne = top == -1 && (length == 1 || low == M62);
        for (int i = 1; i < length - 1; i++) {
            plusOne &= f[i] == 0;
            minusOne &= f[i] == M62;
        }
        return plusOne ? 1 : minusOne ? -1 : 0;
    }

    /** {@code sign * d mod p} for {@code d} in {@code (-2p, p)}, in {@code [0, p)} with every limb in {@code [0, 2^62)}. */
    private static long[] normalize(long[] d, long sign) {
        long[] r = d.clone();
        long negative = r[LIMBS - 1] >> 63;
        for (int i = 0; i < LIMBS; i++) {
            r[i] += MODULUS[i] & negative;
        }
        // now in (-p, p); negate if asked
        long negate = sign >> 63;
        for (int i = 0; i < LIMBS; i++) {
            r[i] = (r[i] ^ negate) - negate;
        }
        carry(r);
        negative = r[LIMBS - 1] >> 63;
        for (int i = 0; i < LIMBS; i++) {
            r[i] += MODULUS[i] & negative;
        }
        carry(r);
        return r;
    }

    private static void carry(long[] r) {
        for (int i = 0; i < LIMBS - 1; i++) {
            r[i + 1] += r[i] >> 62;
            r[i] &= M62;
        }
    }

    /** A number in {@code [0, 2^3072)} to 62-bit limbs, by way of its 64-bit words. */
    private static long[] toLimbs(BigInteger value) {
        byte[] bytes = value.toByteArray();
        long[] words = new long[WORDS];
        for (int i = 0; i < bytes.length && i < WORDS * Long.BYTES; i++) {
            words[i >>> 3] |= (bytes[bytes.length - 1 - i] & 0xFFL) << ((i & 7) << 3);
        }
        long[] limbs = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            int bit = 62 * i;
            int word = bit >>> 6;
            int shift = bit & 63;
            if (word >= WORDS) {
                break;
            }
            long limb = words[word] >>> shift;
            if (shift > 2 && word + 1 < WORDS) {
                limb |= words[word + 1] << (64 - shift);
            }
            limbs[i] = limb & M62;
        }
        return limbs;
    }

    /** 62-bit limbs, each in {@code [0, 2^62)}, of a number below {@code 2^3072} to that number. */
    private static BigInteger toBigInteger(long[] limbs) {
        byte[] bigEndian = new byte[WORDS * Long.BYTES];
        long pending = 0;
        int pendingBits = 0;
        int word = 0;
        for (int i = 0; i < LIMBS && word < WORDS; i++) {
            long limb = limbs[i];
            if (pendingBits + 62 >= 64) {
                writeWord(bigEndian, word++, pending | (limb << pendingBits));
                pending = limb >>> (64 - pendingBits);
                pendingBits -= 2;
            } else {
                pending |= limb << pendingBits;
                pendingBits += 62;
            }
        }
        return new BigInteger(1, bigEndian);
    }

    private static void writeWord(byte[] bigEndian, int word, long value) {
        int end = bigEndian.length - word * Long.BYTES;
        for (int b = 1; b <= Long.BYTES; b++) {
            bigEndian[end - b] = (byte) (value >>> ((b - 1) << 3));
        }
    }

    private static long inverseMod2To62(long odd) {
        long inverse = odd;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse & M62;
    }

    /** A signed 128-bit running sum: sums of a few products of 62-bit numbers, shifted down 62 bits at a time. */
    private static final class Accumulator {
        long high;
        long low;

        Accumulator addProduct(long a, long b) {
            long productLow = a * b;
            long sum = low + productLow;
            high += Math.multiplyHigh(a, b) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
            low = sum;
            return this;
        }

        Accumulator shift62() {
            low = (low >>> 62) | (high << 2);
            high >>= 62;
            return this;
        }
    }
}
