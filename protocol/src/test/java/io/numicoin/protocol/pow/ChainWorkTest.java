package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Work and compact targets: seeded random invariants. */
class ChainWorkTest {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private static BigInteger randomTarget(Random random) {
        int bits = 1 + random.nextInt(256);
        BigInteger target = new BigInteger(bits, random);
        return target.signum() == 0 ? BigInteger.ONE : target;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261125})
    void aLowerTargetIsMoreWork(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = randomTarget(random);
            BigInteger b = randomTarget(random);
            int byTarget = a.compareTo(b);
            int byWork = ChainWork.ofTarget(a).compareTo(ChainWork.ofTarget(b));
            // floor(2^256 / (t + 1)) is non-increasing in t: never more work for a higher target.
            if (byTarget == 0) {
                assertThat(byWork).isZero();
            } else if (byTarget < 0) {
                assertThat(byWork).isGreaterThanOrEqualTo(0);
            } else if (byTarget > 0) {
                assertThat(byWork).isLessThanOrEqualTo(0);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6})
    void cumulativeWorkOnlyGrows(long seed) {
        Random random = new Random(seed);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < 1_000; i++) {
            BigInteger work = CompactTarget.fromTarget(randomTarget(random)).work();
            assertThat(work.signum()).isPositive();
            BigInteger next = total.add(work);
            assertThat(next).isGreaterThan(total);
            total = next;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void compactFormRoundsDownToACanonicalEncoding(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            BigInteger target = randomTarget(random);
            CompactTarget compact = CompactTarget.fromTarget(target);
            assertThat(compact.isCanonical()).isTrue();
            BigInteger decoded = compact.toTarget();
            assertThat(decoded).isLessThanOrEqualTo(target);
            assertThat(CompactTarget.fromTarget(decoded)).isEqualTo(compact);
            // The mantissa keeps at least 16 significant bits (it is byte-aligned): relative error < 2^-15.
            assertThat(target.subtract(decoded)).isLessThan(target.shiftRight(15).add(BigInteger.ONE));
        }
    }

    @Test
    void knownValues() {
        assertThat(ChainWork.ofTarget(TWO_256.subtract(BigInteger.ONE))).isEqualTo(BigInteger.ONE);
        assertThat(ChainWork.ofTarget(BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE))).isEqualTo(BigInteger.valueOf(256));
        assertThat(new CompactTarget(0x1d00ffff).toTarget()).isEqualTo(new BigInteger("ffff", 16).shiftLeft(208));
        assertThat(new CompactTarget(0x1d00ffff).work()).isEqualTo(new BigInteger("100010001", 16));
    }

    @Test
    void nonCanonicalEncodingsAreRefused() {
        assertThat(new CompactTarget(0x1d80ffff).isCanonical()).as("sign bit").isFalse();
        assertThat(new CompactTarget(0x1d000000).isCanonical()).as("zero mantissa").isFalse();
        assertThat(new CompactTarget(0x1e0000ff).isCanonical()).as("not normalised").isFalse();
        assertThat(new CompactTarget(0x2200ffff).isCanonical()).as("2^256 or more").isFalse();
        assertThatThrownBy(() -> CompactTarget.fromTarget(TWO_256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactTarget.fromTarget(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
