package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DifficultyRuleTest {

    private static final CompactTarget X = new CompactTarget(0x1d40_0000);
    private static final DifficultyRule RULE = new DifficultyRule(
            new AsertDifficulty(30, 3600, BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE), X));

    @Test
    void acceptsTheRequiredTarget() {
        ListHeaderChain parent = ListHeaderChain.of(X, 1_000, 1_030, 1_060);
        DifficultyCheck check = RULE.check(parent.next(1_090, X), parent);
        assertThat(check).isEqualTo(new DifficultyCheck(DifficultyCheck.Status.VALID, X, X));
        assertThat(check.isValid()).isTrue();
    }

    @Test
    void rejectsAnyOtherTargetAndSaysWhichWasExpected() {
        ListHeaderChain parent = ListHeaderChain.of(X, 1_000, 1_030, 1_060 + 3_600);
        CompactTarget stale = X;
        DifficultyCheck check = RULE.check(parent.next(4_700, stale), parent);
        assertThat(check.status()).isEqualTo(DifficultyCheck.Status.WRONG_TARGET);
        assertThat(check.expected()).isEqualTo(new CompactTarget(0x1e00_8000));
        assertThat(check.actual()).isEqualTo(stale);
        assertThat(check.isValid()).isFalse();
    }

    @Test
    void comparesEncodingsNotJustValues() {
        ListHeaderChain parent = ListHeaderChain.of(X, 1_000, 1_030);
        CompactTarget oneLower = new CompactTarget(0x1d3f_ffff);
        assertThat(RULE.check(parent.next(1_060, oneLower), parent).status())
                .isEqualTo(DifficultyCheck.Status.WRONG_TARGET);
    }

    @Test
    void fixedDifficultyRequiresItsTargetWhateverTheTimestamps() {
        CompactTarget easy = new CompactTarget(0x207f_ffff);
        DifficultyRule regtest = new DifficultyRule(new FixedDifficulty(easy));
        ListHeaderChain parent = ListHeaderChain.of(easy, 0, 1, 2, 100_000);
        assertThat(regtest.check(parent.next(100_001, easy), parent).isValid()).isTrue();
        assertThat(regtest.check(parent.next(100_001, X), parent).status())
                .isEqualTo(DifficultyCheck.Status.WRONG_TARGET);
    }
}
