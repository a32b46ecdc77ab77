package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ExpandA's shape: 30 polynomials of 256 coefficients below q, all different, depending on ρ only.
 * Whether they are FIPS 204's is decided end to end: every verification test (Wycheproof's, the
 * differential ones) fails on a wrong matrix.
 */
class MatrixExpansionTest {

    @Test
    void thirtyDistinctPolynomialsBelowQFromTheFirst32Bytes() {
        Random random = new Random(32L);
        for (int round = 0; round < 20; round++) {
            byte[] publicKey = new byte[MlDsa65Verify.PUBLIC_KEY_BYTES];
            random.nextBytes(publicKey);
            int[][] matrix = MatrixExpansion.expand(publicKey, 6, 5);
            assertThat(matrix).hasNumberOfRows(30);
            Set<String> distinct = new HashSet<>();
            for (int[] poly : matrix) {
                assertThat(poly).hasSize(256);
                for (int coefficient : poly) {
                    assertThat(coefficient).isBetween(0, Ntt.Q - 1);
                }
                distinct.add(Arrays.toString(poly));
            }
            assertThat(distinct).hasSize(30);

            byte[] sameSeed = publicKey.clone();
            sameSeed[MatrixExpansion.SEED_BYTES] ^= 1;  // t1 changes, ρ does not
            assertThat(MatrixExpansion.expand(sameSeed, 6, 5)).isDeepEqualTo(matrix);
        }
    }
}
