package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.vector.VectorSupport;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ExpandA's two paths give the same matrix, every coefficient below q, and the JVM of the tests takes the vector one. */
class MatrixExpansionTest {

    @Test
    void vectorAndScalarPathsGiveTheSameMatrix() {
        Random random = new Random(32L);
        for (int round = 0; round < 40; round++) {
            byte[] publicKey = new byte[MlDsa65Verify.PUBLIC_KEY_BYTES];
            random.nextBytes(publicKey);
            int[][] scalar = MatrixExpansion.expandScalar(publicKey, 6, 5);
            int[][] vector = MatrixExpansion.expandVector(publicKey, 6, 5);
            assertThat(vector).as("round %d", round).isDeepEqualTo(scalar);
            for (int[] poly : scalar) {
                assertThat(poly).hasSize(256);
                for (int coefficient : poly) {
                    assertThat(coefficient).isBetween(0, Ntt.Q - 1);
                }
            }
        }
    }

    @Test
    void oddShapesLeaveIdleLanes() {
        byte[] publicKey = new byte[MlDsa65Verify.PUBLIC_KEY_BYTES];
        new Random(33L).nextBytes(publicKey);
        assertThat(MatrixExpansion.expandVector(publicKey, 1, 1)).isDeepEqualTo(MatrixExpansion.expandScalar(publicKey, 1, 1));
        assertThat(MatrixExpansion.expandVector(publicKey, 3, 3)).isDeepEqualTo(MatrixExpansion.expandScalar(publicKey, 3, 3));
    }

    @Test
    void theTestsJvmRunsTheVectorPath() {
        // surefire starts it with --add-modules jdk.incubator.vector, as the services' images do
        assertThat(VectorSupport.unavailableReason()).isEmpty();
        assertThat(MatrixExpansion.vectorised()).isTrue();
        assertThat(KeccakF1600Lanes.width()).isGreaterThanOrEqualTo(2);
    }
}
