package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LWMA-1 with a 4-block window and 30 s spacing: k = 4 * 5 * 30 / 2 = 300, so
 * next = avg(target) * sum(i * solvetime_i) / 300. Expected values computed by hand.
 */
class LwmaDifficultyTest {

    private static final BigInteger POW_LIMIT = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    private static final LwmaDifficulty LWMA = new LwmaDifficulty(30, 4, POW_LIMIT);
    private static final CompactTarget X = new CompactTarget(0x1d40_0000); // 2^230
    private static final long T0 = 1_700_000_000L;

    @Test
    void givesThePowLimitWhileTheBranchIsNoLongerThanTheWindow() {
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30))).isEqualTo(new CompactTarget(0x2000_ffff));
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 30))).isEqualTo(X);
    }

    @Test
    void onScheduleKeepsTheTarget() {
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 30, 30, 30))).isEqualTo(X);
    }

    @Test
    void weightsRecentSolveTimesMore() {
        // newest slow: 30*1 + 30*2 + 30*3 + 90*4 = 540 -> 1.8 X
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 90))).isEqualTo(new CompactTarget(0x1d73_3333));
        // oldest slow: 90*1 + 30*2 + 30*3 + 30*4 = 360 -> 1.2 X
        assertThat(LWMA.nextTarget(withSolveTimes(30, 90, 30, 30, 30))).isEqualTo(new CompactTarget(0x1d4c_cccc));
    }

    @Test
    void fastBlocksLowerTheTargetAndSlowBlocksRaiseIt() {
        assertThat(LWMA.nextTarget(withSolveTimes(30, 15, 15, 15, 15))).isEqualTo(new CompactTarget(0x1d20_0000));
        assertThat(LWMA.nextTarget(withSolveTimes(30, 60, 60, 60, 60))).isEqualTo(new CompactTarget(0x1e00_8000));
    }

    @Test
    void capsSolveTimesAtSixSpacings() {
        // 1000 s counts as 180 s: 30 + 60 + 90 + 180*4 = 900 -> 3 X
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 1000))).isEqualTo(new CompactTarget(0x1e00_c000));
        assertThat(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 180)))
                .isEqualTo(LWMA.nextTarget(withSolveTimes(30, 30, 30, 30, 100_000)));
    }

    @Test
    void outOfOrderTimestampCountsAsOneSecondAfterThePrevious() {
        // window heights 2..5 after height 1 (t=30): 60, 40, 100, 130
        // adjusted: 60, 61, 100, 130 -> solve times 30, 1, 39, 30 -> 30 + 2 + 117 + 120 = 269
        ListHeaderChain chain = ListHeaderChain.of(X, T0, T0 + 30, T0 + 60, T0 + 40, T0 + 100, T0 + 130);
        assertThat(LWMA.nextTarget(chain)).isEqualTo(new CompactTarget(0x1d39_62fc));
    }

    @Test
    void averagesTheTargetsOfTheWindow() {
        CompactTarget twoX = new CompactTarget(0x1e00_8000);
        List<BlockHeader> headers = new ArrayList<>(withSolveTimes(30, 30, 30, 30, 30).headers());
        headers.set(4, ListHeaderChain.header(4, headers.get(4).timestamp(), twoX));
        headers.set(5, ListHeaderChain.header(5, headers.get(5).timestamp(), twoX));
        // (X + X + 2X + 2X) / 4 = 1.5 X
        assertThat(LWMA.nextTarget(new ListHeaderChain(headers))).isEqualTo(new CompactTarget(0x1d60_0000));
    }

    @Test
    void ignoresEverythingBeforeTheWindow() {
        ListHeaderChain base = withSolveTimes(30, 30, 30, 30, 30, 30, 30, 30);
        List<BlockHeader> headers = new ArrayList<>(base.headers());
        // Heights 0..3 lie before the window (heights 5..8, measured from height 4's timestamp).
        for (int h = 0; h <= 3; h++) {
            headers.set(h, ListHeaderChain.header(h, T0 - 5_000 + h, new CompactTarget(0x1c12_3456)));
        }
        assertThat(LWMA.nextTarget(new ListHeaderChain(headers))).isEqualTo(LWMA.nextTarget(base)).isEqualTo(X);
        // Height 4's timestamp is the start of the first solve time, so it does count.
        headers.set(4, ListHeaderChain.header(4, headers.get(4).timestamp() - 30, X));
        assertThat(LWMA.nextTarget(new ListHeaderChain(headers))).isEqualTo(new CompactTarget(0x1d46_6666));
    }

    @Test
    void clampsAtThePowLimit() {
        CompactTarget nearLimit = CompactTarget.fromTarget(POW_LIMIT.shiftRight(1));
        ListHeaderChain chain = ListHeaderChain.of(nearLimit, T0, T0 + 180, T0 + 360, T0 + 540, T0 + 720, T0 + 900);
        assertThat(LWMA.nextTarget(chain)).isEqualTo(CompactTarget.fromTarget(POW_LIMIT));
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new LwmaDifficulty(30, 1, POW_LIMIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LwmaDifficulty(0, 60, POW_LIMIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LwmaDifficulty(30, 60, BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Genesis at T0, then one block per solve time, all at target X. */
    private static ListHeaderChain withSolveTimes(long... solveTimes) {
        long[] timestamps = new long[solveTimes.length + 1];
        timestamps[0] = T0;
        for (int i = 0; i < solveTimes.length; i++) {
            timestamps[i + 1] = timestamps[i] + solveTimes[i];
        }
        return ListHeaderChain.of(X, timestamps);
    }
}
