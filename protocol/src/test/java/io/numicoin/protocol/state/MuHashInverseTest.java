package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MuHashInverse} (safegcd) against {@code BigInteger.modInverse}: the edges of the limb arithmetic and seeded random values. */
class MuHashInverseTest {

    private static final BigInteger P = MuHash3072.PRIME;

    /** Where limbs are all ones or empty, where the rounds shrink early, and the ends of [1, p). */
    static List<BigInteger> edges() {
        List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(1_103_717),
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.subtract(BigInteger.valueOf(1_103_717)), P.shiftRight(1),
                BigInteger.TWO.pow(3071), BigInteger.TWO.pow(62), BigInteger.TWO.pow(62).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE), BigInteger.TWO.pow(3038).add(BigInteger.ONE)));
        for (int bits = 1; bits < 3072; bits += 61) {
            edges.add(BigInteger.TWO.pow(bits).subtract(BigInteger.ONE));
            edges.add(BigInteger.TWO.pow(bits).add(BigInteger.ONE));
        }
        return edges;
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 20261207L);
    }

    @Test
    void edgeValuesInvertAsBigIntegerDoes() {
        for (BigInteger x : edges()) {
            assertThat(MuHashInverse.of(x)).as("1 / %s", x.toString(16)).isEqualTo(x.modInverse(P));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomValuesInvertAsBigIntegerDoes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            // full-width values and short ones (fewer rounds; the limbs shrink early)
            BigInteger x = (i % 3 == 0 ? new BigInteger(1 + random.nextInt(3072), random) : new BigInteger(3072, random)).mod(P);
            if (x.signum() == 0) {
                continue;
            }
            BigInteger inverse = MuHashInverse.of(x);
            assertThat(inverse).isEqualTo(x.modInverse(P));
            assertThat(MuHash3072.multiply(x, inverse)).isEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void theInverseOfTheInverseIsTheValue() {
        BigInteger x = new BigInteger(3072, new Random(7)).mod(P);
        assertThat(MuHashInverse.of(MuHashInverse.of(x))).isEqualTo(x);
    }

    @Test
    void onlyNumbersInOneToPAreInverted() {
        for (BigInteger x : List.of(BigInteger.ZERO, P, P.add(BigInteger.ONE), BigInteger.ONE.negate())) {
            assertThatThrownBy(() -> MuHashInverse.of(x)).isInstanceOf(ArithmeticException.class);
        }
    }
}
