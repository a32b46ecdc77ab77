package io.numicoin.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.difficulty.ListHeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianTimePastTest {

    private static final CompactTarget T = new CompactTarget(0x1d40_0000);

    @Test
    void genesisAloneIsItsOwnMedian() {
        assertThat(MedianTimePast.of(ListHeaderChain.of(T, 1_234))).isEqualTo(1_234);
    }

    @Test
    void evenCountTakesTheUpperMiddle() {
        assertThat(MedianTimePast.of(ListHeaderChain.of(T, 100, 200))).isEqualTo(200);
        assertThat(MedianTimePast.of(ListHeaderChain.of(T, 400, 100, 300, 200))).isEqualTo(300);
    }

    @Test
    void oddCountTakesTheMiddle() {
        assertThat(MedianTimePast.of(ListHeaderChain.of(T, 500, 100, 300))).isEqualTo(300);
    }

    @Test
    void sortsUnorderedTimestampsOfElevenBlocks() {
        // sorted: 10 20 30 40 50 [60] 70 80 90 100 110
        ListHeaderChain chain = ListHeaderChain.of(T, 60, 110, 10, 90, 30, 100, 20, 80, 50, 70, 40);
        assertThat(MedianTimePast.of(chain)).isEqualTo(60);
    }

    @Test
    void looksAtTheLastElevenBlocksOnly() {
        // heights 0..3 (timestamps 1,2,3,4) fall outside; last 11: 1000..1010 shuffled -> 1005
        ListHeaderChain chain = ListHeaderChain.of(T, 1, 2, 3, 4,
                1_003, 1_010, 1_000, 1_007, 1_001, 1_009, 1_005, 1_002, 1_008, 1_004, 1_006);
        assertThat(MedianTimePast.of(chain)).isEqualTo(1_005);
        // ... and a very old outlier does not move it
        ListHeaderChain withOutlier = ListHeaderChain.of(T, 999_999, 2, 3, 4,
                1_003, 1_010, 1_000, 1_007, 1_001, 1_009, 1_005, 1_002, 1_008, 1_004, 1_006);
        assertThat(MedianTimePast.of(withOutlier)).isEqualTo(1_005);
    }

    @Test
    void equalsTheSortedMiddleForRandomBranches() {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            long[] timestamps = new long[1 + random.nextInt(30)];
            for (int h = 0; h < timestamps.length; h++) {
                timestamps[h] = 1_000_000 + random.nextInt(5_000);
            }
            long[] last = Arrays.copyOfRange(timestamps, Math.max(0, timestamps.length - 11), timestamps.length);
            Arrays.sort(last);
            assertThat(MedianTimePast.of(ListHeaderChain.of(T, timestamps))).isEqualTo(last[last.length / 2]);
        }
    }
}
