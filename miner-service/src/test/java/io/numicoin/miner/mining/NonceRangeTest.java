package io.numicoin.miner.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonceRangeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 16, 1024})
    void rangesAreDisjointContiguousAndCoverEveryNonce(int threads) {
        List<NonceRange> ranges = NonceRange.split(threads);
        assertThat(ranges).hasSize(threads);
        assertThat(ranges.getFirst().start()).isZero();
        for (int i = 1; i < threads; i++) {
            assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).last() + 1);
        }
        assertThat(ranges.getLast().last()).isEqualTo(threads == 1 ? -2L : -1L); // 2^64 - 1 (one short for a single range)
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void equalShares(int threads) {
        List<NonceRange> ranges = NonceRange.split(threads);
        long share = Long.divideUnsigned(-1L, threads);
        assertThat(ranges.get(0).size()).isEqualTo(share);
        assertThat(ranges.get(1).start()).isEqualTo(share);
    }

    @org.junit.jupiter.api.Test
    void twoThreadsSplitAtHalf() {
        List<NonceRange> ranges = NonceRange.split(2);
        assertThat(ranges.get(0)).isEqualTo(new NonceRange(0, Long.MAX_VALUE));
        assertThat(ranges.get(1).start()).isEqualTo(Long.MAX_VALUE);
        assertThat(ranges.get(1).nonceAt(0)).isEqualTo(Long.MAX_VALUE);
    }
}
