package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transform against the reference implementation's twiddle table and against schoolbook multiplication. */
class NttTest {

    private static final int Q = Ntt.Q;

    @Test
    void twiddlesAreTheReferenceTable() {
        // FIPS 204 reference (pq-crystals/dilithium ntt.c): zetas[1..3], zetas[128], zetas[255]
        assertThat(Ntt.zeta(1)).isEqualTo(25847);
        assertThat(Ntt.zeta(2)).isEqualTo(-2608894);
        assertThat(Ntt.zeta(3)).isEqualTo(-518909);
        assertThat(Ntt.zeta(255)).isEqualTo(1976782);
    }

    @Test
    void montgomeryReduceDividesByTwoToThe32() {
        Random random = new Random(41L);
        for (int i = 0; i < 10_000; i++) {
            long a = (random.nextLong() % (1L << 31)) * (random.nextInt(2 * Q) - Q);  // |a| < 2^31 q
            int r = Ntt.montgomeryReduce(a);
            assertThat(Math.abs(r)).isLessThan(Q);
            assertThat(Math.floorMod(((long) r << 32) - a, (long) Q)).as("r·2^32 ≡ a").isZero();
        }
    }

    @Test
    void pointwiseProductOfTransformsIsTheNegacyclicProduct() {
        Random random = new Random(42L);
        for (int round = 0; round < 20; round++) {
            int[] a = new int[256];
            int[] b = new int[256];
            for (int i = 0; i < 256; i++) {
                a[i] = random.nextInt(1 << 20) - (1 << 19);  // z-sized
                b[i] = random.nextInt(Q);                    // anything below q
            }
            long[] expected = new long[256];
            for (int i = 0; i < 256; i++) {
                for (int j = 0; j < 256; j++) {
                    long product = (long) a[i] * b[j] % Q;
                    int k = i + j;
                    if (k < 256) {
                        expected[k] = (expected[k] + product) % Q;
                    } else {
                        expected[k - 256] = (expected[k - 256] - product) % Q;  // X^256 = -1
                    }
                }
            }
            int[] aHat = a.clone();
            int[] bHat = b.clone();
            Ntt.forward(aHat);
            Ntt.forward(bHat);
            int[] c = new int[256];
            for (int i = 0; i < 256; i++) {
                c[i] = Ntt.montgomeryReduce((long) aHat[i] * bHat[i]);
            }
            Ntt.inverseTimesR(c);
            for (int i = 0; i < 256; i++) {
                assertThat(Math.abs(c[i])).isLessThan(Q);
                assertThat(Math.floorMod(c[i] - expected[i], (long) Q)).as("round %d coefficient %d", round, i).isZero();
            }
        }
    }

    @Test
    void reduce32AndAddQIfNegativeKeepTheResidue() {
        Random random = new Random(43L);
        for (int i = 0; i < 10_000; i++) {
            int a = random.nextInt(Integer.MAX_VALUE - (1 << 22)) - (Integer.MAX_VALUE / 2);
            int r = Ntt.reduce32(a);
            assertThat(Math.abs(r)).isLessThanOrEqualTo(6283008);
            assertThat(Math.floorMod((long) r - a, (long) Q)).isZero();
            int positive = Ntt.addQIfNegative(random.nextInt(2 * Q - 1) - (Q - 1));
            assertThat(positive).isBetween(0, Q - 1);
        }
    }
}
