package io.numicoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BuildSmokeTest {
    @Test
    void compactTargetRoundTrip() {
        CompactTarget t = CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(240).subtract(BigInteger.ONE));
        assertThat(t.isCanonical()).isTrue();
    }
}
