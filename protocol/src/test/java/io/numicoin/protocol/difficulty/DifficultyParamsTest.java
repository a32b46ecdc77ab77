package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DifficultyParamsTest {

    private static final BigInteger POW_LIMIT = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);

    @Test
    void mainnetRetargetsEveryBlockWithAsertAt30Seconds() {
        DifficultyParams mainnet = DifficultyParams.mainnet();
        assertThat(mainnet.targetSpacingSeconds()).isEqualTo(30);
        assertThat(mainnet.powLimit()).isEqualTo(POW_LIMIT);
        assertThat(mainnet.algorithm()).isEqualTo(new AsertDifficulty(30, 1_800, POW_LIMIT, new CompactTarget(0x1e10_0000)));
    }

    @Test
    void testnetKeepsTheHalfLifeInBlocksAt15Seconds() {
        DifficultyParams testnet = DifficultyParams.testnet();
        assertThat(testnet.targetSpacingSeconds()).isEqualTo(15);
        assertThat(testnet.algorithm()).isEqualTo(new AsertDifficulty(15, 900, POW_LIMIT, CompactTarget.fromTarget(POW_LIMIT)));
    }

    @Test
    void regtestDoesNotRetarget() {
        DifficultyParams regtest = DifficultyParams.regtest();
        assertThat(regtest.algorithm()).isEqualTo(new FixedDifficulty(new CompactTarget(0x207f_ffff)));
        assertThat(regtest.powLimit()).isEqualTo(new CompactTarget(0x207f_ffff).toTarget());
    }
}
