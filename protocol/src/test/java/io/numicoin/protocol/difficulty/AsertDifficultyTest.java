package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ASERT anchored at block 1, 30 s spacing, 1 h half-life. Expected values were computed by hand
 * from the aserti3-2d formula (exponent = deviation * 65536 / half-life, truncated). Unless a test
 * says otherwise, block 1 is on schedule (one spacing after genesis) and carries the initial target.
 */
class AsertDifficultyTest {

    private static final BigInteger POW_LIMIT = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    private static final CompactTarget X = new CompactTarget(0x1d40_0000); // 2^230
    private static final AsertDifficulty ASERT = new AsertDifficulty(30, 3600, POW_LIMIT, X);
    private static final long GENESIS_TIME = 1_700_000_000L;

    @Test
    void blockOneCarriesTheInitialTargetWhateverTheGenesisTarget() {
        assertThat(X.toTarget()).isEqualTo(BigInteger.ONE.shiftLeft(230));
        assertThat(ASERT.nextTarget(ListHeaderChain.genesis(GENESIS_TIME, X))).isEqualTo(X);
        CompactTarget easiest = CompactTarget.fromTarget(POW_LIMIT);
        assertThat(ASERT.nextTarget(ListHeaderChain.genesis(GENESIS_TIME, easiest))).isEqualTo(X);
    }

    @Test
    void aLaunchDaysAfterTheGenesisTimeEarnsNoCatchUp() {
        long threeDays = 3 * 24 * 3600;
        CompactTarget easiest = CompactTarget.fromTarget(POW_LIMIT);
        ListHeaderChain chain = ListHeaderChain.genesis(GENESIS_TIME, easiest).extend(GENESIS_TIME + threeDays, X);
        for (int h = 2; h <= 200; h++) {
            CompactTarget next = ASERT.nextTarget(chain);
            assertThat(next).as("height %d", h).isEqualTo(X);
            chain = chain.extend(GENESIS_TIME + threeDays + 30L * (h - 1), next);
        }
    }

    @Test
    void theGenesisAnchoredRuleWouldHaveGivenTheEasiestTargetAfterALateLaunch() {
        // What the anchor at block 1 prevents: measured from genesis, a first block three days late is
        // 8,640 spacings behind schedule, 72 half-lives, so block 2 would be at the pow limit.
        long threeDays = 3 * 24 * 3600;
        BigInteger fromGenesis = ASERT.target(X.toTarget(), threeDays + 30, 1);
        assertThat(fromGenesis).isEqualTo(POW_LIMIT);
        ListHeaderChain late = ListHeaderChain.genesis(GENESIS_TIME, X).extend(GENESIS_TIME + threeDays, X);
        assertThat(ASERT.nextTarget(late)).isEqualTo(X);
    }

    @Test
    void branchOnScheduleKeepsTheGenesisTarget() {
        ListHeaderChain chain = ListHeaderChain.genesis(GENESIS_TIME, X);
        for (int h = 1; h <= 200; h++) {
            chain = chain.extend(GENESIS_TIME + 30L * h, ASERT.nextTarget(chain));
            assertThat(chain.tip().target()).isEqualTo(X);
        }
        assertThat(ASERT.nextTarget(chain)).isEqualTo(X);
    }

    @Test
    void oneHalfLifeBehindScheduleDoublesTheTarget() {
        assertThat(ASERT.nextTarget(parentAt(10, 30L * 10 + 3600))).isEqualTo(new CompactTarget(0x1e00_8000));
    }

    @Test
    void oneHalfLifeAheadOfScheduleHalvesTheTarget() {
        assertThat(ASERT.nextTarget(parentAt(200, 30L * 200 - 3600))).isEqualTo(new CompactTarget(0x1d20_0000));
    }

    @Test
    void halfAHalfLifeBehindUsesTheCubicApproximationOfSquareRootTwo() {
        // frac = 32768: factor = 65536 + 27138 = 92674 (sqrt 2 * 65536 = 92681.9)
        assertThat(ASERT.nextTarget(parentAt(10, 30L * 10 + 1800))).isEqualTo(new CompactTarget(0x1d5a_8080));
    }

    @Test
    void fastBlocksLowerTheTargetAndSlowBlocksRaiseIt() {
        // 50 blocks at 15 s: deviation -750 s, exponent -13653 -> 0x1d376660 (x 0.8655)
        CompactTarget afterFast = ASERT.nextTarget(parentAt(50, 50L * 15));
        // 50 blocks at 60 s: deviation +1500 s, exponent 27306 -> 0x1d556c40 (x 1.3348)
        CompactTarget afterSlow = ASERT.nextTarget(parentAt(50, 50L * 60));
        assertThat(afterFast).isEqualTo(new CompactTarget(0x1d37_6660));
        assertThat(afterSlow).isEqualTo(new CompactTarget(0x1d55_6c40));
        assertThat(afterFast.toTarget()).isLessThan(X.toTarget());
        assertThat(afterSlow.toTarget()).isGreaterThan(X.toTarget());
    }

    @Test
    void laterParentTimestampNeverGivesAHarderTarget() {
        Random random = new Random(20_240_601L);
        for (int i = 0; i < 500; i++) {
            int height = 1 + random.nextInt(5_000);
            long offset = random.nextLong(-20_000, 200_000);
            long earlier = Math.max(-30L * height + 1, offset);
            BigInteger a = ASERT.nextTarget(parentAt(height, earlier)).toTarget();
            BigInteger b = ASERT.nextTarget(parentAt(height, earlier + 1 + random.nextInt(600))).toTarget();
            assertThat(b).isGreaterThanOrEqualTo(a);
        }
    }

    @Test
    void clampsAtThePowLimit() {
        // 100 half-lives behind: 2^230 * 2^100 is far above the limit.
        CompactTarget clamped = ASERT.nextTarget(parentAt(2, 360_000));
        assertThat(clamped).isEqualTo(CompactTarget.fromTarget(POW_LIMIT)).isEqualTo(new CompactTarget(0x2000_ffff));
        assertThat(ASERT.target(POW_LIMIT, Long.MAX_VALUE >> 20, 0)).isEqualTo(POW_LIMIT);
    }

    @Test
    void neverGoesBelowOne() {
        assertThat(ASERT.target(BigInteger.ONE.shiftLeft(230), -3600L * 400, 0)).isEqualTo(BigInteger.ONE);
        assertThat(CompactTarget.fromTarget(BigInteger.ONE)).isEqualTo(new CompactTarget(0x0101_0000));
    }

    @Test
    void isDeterministic() {
        Random random = new Random(7);
        ListHeaderChain a = ListHeaderChain.genesis(GENESIS_TIME, X);
        long time = GENESIS_TIME;
        for (int h = 1; h <= 300; h++) {
            time += 1 + random.nextInt(90);
            a = a.extend(time, ASERT.nextTarget(a));
        }
        ListHeaderChain b = new ListHeaderChain(a.headers());
        assertThat(new AsertDifficulty(30, 3600, POW_LIMIT, X).nextTarget(b)).isEqualTo(ASERT.nextTarget(a));
        assertThat(ASERT.nextTarget(a)).isEqualTo(ASERT.nextTarget(a));
    }

    @Test
    void rejectsAnInitialOrAnchorTargetAboveThePowLimit() {
        assertThatThrownBy(() -> new AsertDifficulty(30, 3600, BigInteger.ONE.shiftLeft(229), X))
                .isInstanceOf(IllegalArgumentException.class);
        AsertDifficulty strict = new AsertDifficulty(30, 3600, BigInteger.ONE.shiftLeft(229), new CompactTarget(0x1d10_0000));
        assertThatThrownBy(() -> strict.nextTarget(ListHeaderChain.of(X, GENESIS_TIME, GENESIS_TIME + 30)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new AsertDifficulty(0, 3600, POW_LIMIT, X)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsertDifficulty(30, 0, POW_LIMIT, X)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsertDifficulty(30, 3600, BigInteger.ONE.shiftLeft(256), X))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A branch whose tip is at {@code height}, {@code offset} seconds after genesis; the blocks
     * between are on schedule (ASERT reads only block 1, the anchor, and the tip).
     */
    private static ListHeaderChain parentAt(int height, long offset) {
        long[] timestamps = new long[height + 1];
        for (int h = 0; h < height; h++) {
            timestamps[h] = GENESIS_TIME + 30L * h;
        }
        timestamps[height] = GENESIS_TIME + offset;
        return ListHeaderChain.of(X, timestamps);
    }
}
