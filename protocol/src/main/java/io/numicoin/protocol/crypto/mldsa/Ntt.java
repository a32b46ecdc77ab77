package io.numicoin.protocol.crypto.mldsa;

/**
 * The number-theoretic transform of ML-DSA's ring {@code Z_q[X]/(X^256 + 1)}, {@code q = 8380417}
 * (FIPS 204 Algorithms 41 and 42), in Montgomery arithmetic with {@code R = 2^32}: the twiddle
 * factors {@code ζ^brv8(m)} ({@code ζ = 1753}) are stored times R, so a Montgomery product by one
 * of them is the plain modular product. Coefficients are signed ints that are not fully reduced
 * between steps; the bounds follow the reference implementation's (each stays far inside an int,
 * and every product inside the range {@link #montgomeryReduce} accepts).
 */
final class Ntt {

    static final int Q = 8380417;
    static final int N = 256;
    /** {@code q^-1 mod 2^32}. */
    private static final int Q_INVERSE = 58728449;
    /** {@code R^2 / 256 mod q}: the inverse transform's final scale, leaving a factor R. */
    private static final int INVERSE_SCALE = 41978;
    private static final int ZETA = 1753;
    private static final int[] ZETAS = twiddles();

    private Ntt() {
    }

    /** {@code a · 2^-32 mod q}, in {@code (-q, q)} for {@code |a| < 2^31 · q}. */
    static int montgomeryReduce(long a) {
        int t = (int) a * Q_INVERSE;
        return (int) ((a - (long) t * Q) >> 32);
    }

    /** The forward transform in place (coefficients grow by at most 8q in absolute value). */
    static void forward(int[] a) {
        int k = 0;
        for (int length = 128; length > 0; length >>= 1) {
            for (int start = 0; start < N; start += 2 * length) {
                long zeta = ZETAS[++k];
                for (int j = start; j < start + length; j++) {
                    int t = montgomeryReduce(zeta * a[j + length]);
                    a[j + length] = a[j] - t;
                    a[j] = a[j] + t;
                }
            }
        }
    }

    /**
     * The inverse transform in place, times R: the input is the transform of a polynomial times
     * {@code R^-1} (a Montgomery product's), the output that polynomial, each coefficient in (-q, q).
     */
    static void inverseTimesR(int[] a) {
        int k = N;
        for (int length = 1; length < N; length <<= 1) {
            for (int start = 0; start < N; start += 2 * length) {
                long zeta = -ZETAS[--k];
                for (int j = start; j < start + length; j++) {
                    int t = a[j];
                    a[j] = t + a[j + length];
                    a[j + length] = montgomeryReduce(zeta * (t - a[j + length]));
                }
            }
        }
        for (int j = 0; j < N; j++) {
            a[j] = montgomeryReduce((long) INVERSE_SCALE * a[j]);
        }
    }

    /** A representative of {@code a mod q} in {@code [-6283008, 6283008]}, for {@code a ≤ 2^31 - 2^22 - 1}. */
    static int reduce32(int a) {
        int t = (a + (1 << 22)) >> 23;
        return a - t * Q;
    }

    /** {@code a + q} when {@code a} is negative: {@code (-q, q)} to {@code [0, q)}. */
    static int addQIfNegative(int a) {
        return a + ((a >> 31) & Q);
    }

    /** {@code ζ^brv8(m) · R mod q} for m = 0..255, centred in (-q/2, q/2] as the reference's table. */
    private static int[] twiddles() {
        int[] zetas = new int[N];
        for (int m = 0; m < N; m++) {
            long power = power(ZETA, Integer.reverse(m) >>> 24);
            long montgomery = (power << 32) % Q;
            zetas[m] = (int) (montgomery > Q / 2 ? montgomery - Q : montgomery);
        }
        return zetas;
    }

    private static long power(long base, int exponent) {
        long result = 1;
        long b = base % Q;
        for (int e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = result * b % Q;
            }
            b = b * b % Q;
        }
        return result;
    }

    /** The twiddle table, for tests against the reference's values. */
    static int zeta(int m) {
        return ZETAS[m];
    }
}
