package io.numicoin.pool.pplns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PPLNS splits over scripted share histories, checked to the unit against amounts worked out by hand. */
class PplnsTest {

    /** Oldest first, as the ledger records them; split() reads newest first. */
    private static PplnsSplit split(Pplns pplns, long reward, WeightedShare... oldestFirst) {
        List<WeightedShare> newest = new ArrayList<>(List.of(oldestFirst));
        Collections.reverse(newest);
        return pplns.split(newest.iterator(), reward);
    }

    @Test
    void theOldestShareInTheWindowCountsOnlyForThePartThatFits() {
        // N = 100, newest first: C 15, B 25, A 20 (60 so far), then C's share of 50 counts for 40; A's 50 and B's 30 are outside
        PplnsSplit s = split(new Pplns(100, 100), 8_888_000_000L,
                new WeightedShare(1, "A", 50), new WeightedShare(2, "B", 30), new WeightedShare(3, "C", 50),
                new WeightedShare(4, "A", 20), new WeightedShare(5, "B", 25), new WeightedShare(6, "C", 15));
        assertThat(s.windowWeight()).isEqualTo(100);
        assertThat(s.firstShareId()).isEqualTo(3);
        assertThat(s.lastShareId()).isEqualTo(6);
        assertThat(s.weights()).isEqualTo(Map.of("A", 20L, "B", 25L, "C", 55L));
        // fee 1 % = 88,880,000; the rest 8,799,120,000 split 20:25:55
        assertThat(s.fee()).isEqualTo(88_880_000L);
        assertThat(s.amounts()).isEqualTo(Map.of("A", 1_759_824_000L, "B", 2_199_780_000L, "C", 4_839_516_000L));
    }

    @Test
    void unitsLeftByRoundingGoToTheLargestRemaindersTiesToTheFirstAddress() {
        // 10 units over 2:3:2 -> 2 r6, 4 r2, 2 r6: the two left over go to A and C (remainder 6), not B
        PplnsSplit s = split(new Pplns(1_000, 0), 10, new WeightedShare(1, "A", 2), new WeightedShare(2, "B", 3),
                new WeightedShare(3, "C", 2));
        assertThat(s.amounts()).isEqualTo(Map.of("A", 3L, "B", 4L, "C", 3L));
        // 1,000 units over 1:1:1 -> 333 r1 each: the one unit left goes to A (ties: first address)
        PplnsSplit thirds = split(new Pplns(3, 0), 1_000, new WeightedShare(1, "C", 1), new WeightedShare(2, "B", 1),
                new WeightedShare(3, "A", 1));
        assertThat(thirds.amounts()).isEqualTo(Map.of("A", 334L, "B", 333L, "C", 333L));
    }

    @Test
    void aShortHistoryIsSplitOverWhatThereIsAndTheFeeRoundsDown() {
        // 7 units of weight below N = 1,000,000; fee 2.5 % of 999 = 24.975 -> 24; the rest 975 over A 3 : B 4
        PplnsSplit s = split(new Pplns(1_000_000, 250), 999, new WeightedShare(10, "A", 3), new WeightedShare(11, "B", 4));
        assertThat(s.windowWeight()).isEqualTo(7);
        assertThat(s.fee()).isEqualTo(24);
        // 975 * 3 / 7 = 417 r6, 975 * 4 / 7 = 557 r1 -> one unit left, to A
        assertThat(s.amounts()).isEqualTo(Map.of("A", 418L, "B", 557L));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1234})
    void amountsAlwaysAddUpToTheRewardExactly(long seed) {
        Random random = new Random(seed);
        List<WeightedShare> shares = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            shares.add(new WeightedShare(i, "m" + random.nextInt(17), 1 + random.nextInt(1_000_000)));
        }
        long reward = 1 + (random.nextLong() >>> 12);
        Pplns pplns = new Pplns(1 + random.nextInt(50_000_000), random.nextInt(10_001));
        PplnsSplit s = split(pplns, reward, shares.toArray(WeightedShare[]::new));
        assertThat(s.fee() + s.amounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(reward);
        assertThat(s.weights().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.windowWeight());
        assertThat(s.windowWeight()).isLessThanOrEqualTo(pplns.windowWeight());
    }

    @Test
    void noSharesNoSplit() {
        assertThatThrownBy(() -> new Pplns(10, 0).split(List.<WeightedShare>of().iterator(), 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
