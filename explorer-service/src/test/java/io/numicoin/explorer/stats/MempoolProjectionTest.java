package io.numicoin.explorer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MempoolProjectionTest {

    private static Hash256 sender(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        return Hash256.of(b);
    }

    @Test
    void highestFeeRateFirstButNeverANonceBeforeItsPredecessor() {
        // sender 1's nonce 1 pays little, its nonce 2 a lot: nonce 2 cannot go before nonce 1
        List<PendingTx> pending = List.of(
                new PendingTx(sender(1), 2, 9_000, 100, 900),
                new PendingTx(sender(1), 1, 1_000, 100, 100),
                new PendingTx(sender(2), 1, 5_000, 100, 500));
        List<ProjectedBlock> blocks = MempoolProjection.project(pending, 5, 200, 100);
        assertThat(blocks).hasSize(2);
        // block 0: sender 2 (5,000) then sender 1's nonce 1 (1,000); nonce 2 only in the next block
        assertThat(blocks.get(0)).isEqualTo(new ProjectedBlock(0, 2, 200, 600, 1_000, 5_000, 5_000));
        assertThat(blocks.get(1)).isEqualTo(new ProjectedBlock(1, 1, 100, 900, 9_000, 9_000, 9_000));
    }

    @Test
    void blocksCloseOnTheirTransactionCountAndStopAtTheLimit() {
        List<PendingTx> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(new PendingTx(sender(i), 1, 1_000 + i, 10, 1));
        }
        List<ProjectedBlock> blocks = MempoolProjection.project(pending, 2, 1_000_000, 3);
        assertThat(blocks).extracting(ProjectedBlock::transactionCount).containsExactly(3, 3);
        assertThat(blocks.get(0).maxFeeRate()).isEqualTo(1_009);
        assertThat(blocks.get(1).maxFeeRate()).isEqualTo(1_006);
        assertThat(MempoolProjection.project(List.of(), 3, 100, 10)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1_000})
    void everyBlockFitsAndEachSendersNoncesComeInOrder(long seed) {
        Random random = new Random(seed);
        List<PendingTx> pending = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            int count = 1 + random.nextInt(6);
            for (int nonce = 1; nonce <= count; nonce++) {
                pending.add(new PendingTx(sender(s), nonce, random.nextInt(50_000), 50 + random.nextInt(400),
                        random.nextInt(10_000)));
            }
        }
        Collections.shuffle(pending, random);
        long blockBytes = 2_000;
        List<ProjectedBlock> blocks = MempoolProjection.project(pending, 1_000, blockBytes, 7);
        assertThat(blocks).allSatisfy(b -> {
            assertThat(b.bytes()).isLessThanOrEqualTo(blockBytes);
            assertThat(b.transactionCount()).isBetween(1, 7);
            assertThat(b.minFeeRate()).isLessThanOrEqualTo(b.medianFeeRate());
            assertThat(b.medianFeeRate()).isLessThanOrEqualTo(b.maxFeeRate());
        });
        // with room for every block, every transfer is placed exactly once
        assertThat(blocks.stream().mapToInt(ProjectedBlock::transactionCount).sum()).isEqualTo(pending.size());
        assertThat(blocks.stream().mapToLong(ProjectedBlock::totalFees).sum())
                .isEqualTo(pending.stream().mapToLong(PendingTx::fee).sum());
        // a sender's nonce n+1 never lands in an earlier block than n: re-run with one block at a time
        Map<Hash256, Long> lowest = new HashMap<>();
        pending.forEach(p -> lowest.merge(p.sender(), p.nonce(), Math::min));
        List<ProjectedBlock> first = MempoolProjection.project(pending, 1, blockBytes, 7);
        assertThat(first).hasSize(1);
        assertThat(first.getFirst()).isEqualTo(blocks.getFirst());
    }
}
