package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeEstimatorTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final AccountState RICH = new AccountState(Amount.ofUnits(1_000_000_000_000L), 0);

    private static PoolEntry entry(int sender, long fee) {
        byte[] hash = new byte[32];
        hash[0] = (byte) sender;
        TransferTx tx = new TransferTx(1, new Address(Hash256.of(hash)), 1, TestKeys.address(90), Amount.ofUnits(1),
                Amount.ofUnits(fee), 0, Bytes.EMPTY, TestKeys.policy(1), List.of());
        return PoolEntry.of(tx, 0);
    }

    private static Mempool pool() {
        return new Mempool(PoolLimits.DEFAULTS, new MutableClock(Instant.EPOCH), new ChainTip(Hash256.ZERO, 5));
    }

    @Test
    void deepPoolGivesTheRateAtTheDepthOfTheTargetBlocks() {
        Mempool pool = pool();
        long[] fees = {50_000, 40_000, 30_000, 20_000, 10_000};
        for (int i = 0; i < fees.length; i++) {
            assertThat(pool.add(entry(i, fees[i]), RICH).isAccepted()).isTrue();
        }
        int size = entry(0, 1).size();
        FeeEstimator estimator = new FeeEstimator(2L * size); // two transactions per block
        FeeEstimator.Estimate one = estimator.estimate(1, pool);
        assertThat(one.basis()).isEqualTo(FeeEstimator.Basis.POOL);
        assertThat(one.feeRate()).isEqualTo(PoolEntry.feeRate(30_000, size) + 1);
        assertThat(estimator.estimate(3, pool).basis()).isEqualTo(FeeEstimator.Basis.MINIMUM);
        assertThat(estimator.estimate(3, pool).feeRate()).isEqualTo(1000);

        PoolSummary summary = PoolSummary.of(pool);
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.bytes()).isEqualTo(5L * size);
        assertThat(summary.histogram().stream().mapToInt(PoolSummary.Bucket::count).sum()).isEqualTo(5);
        assertThat(summary.histogram().getFirst().minFeeRate()).isEqualTo(Long.highestOneBit(PoolEntry.feeRate(50_000, size)));
    }

    @Test
    void shallowPoolUsesTheMedianLowestRateOfRecentBlocks() {
        FeeEstimator estimator = new FeeEstimator(2_000_000);
        Block genesis = CHAIN.genesis();
        long[] lowestFees = {30_000, 90_000, 60_000};
        Block parent = genesis;
        for (int i = 0; i < lowestFees.length; i++) {
            TransferTx cheap = CHAIN.transfer(1, TestKeys.address(90), 1, lowestFees[i], i + 1);
            TransferTx rich = CHAIN.transfer(2, TestKeys.address(90), 1, 500_000, i + 1);
            Block block = CHAIN.child(parent).coinbaseTo(TestKeys.address(90)).rawTransactions(
                    List.of(CHAIN.child(parent).coinbaseTo(TestKeys.address(90)).build().coinbase(), cheap, rich)).build();
            estimator.blockConnected(block);
            parent = block;
        }
        estimator.blockConnected(CHAIN.child(genesis).coinbaseTo(TestKeys.address(90)).build()); // no transfers: not counted
        int size = PoolEntry.of(CHAIN.transfer(1, TestKeys.address(90), 1, 60_000, 2), 0).size();
        FeeEstimator.Estimate estimate = estimator.estimate(6, pool());
        assertThat(estimate.basis()).isEqualTo(FeeEstimator.Basis.RECENT_BLOCKS);
        assertThat(estimate.feeRate()).isEqualTo(PoolEntry.feeRate(60_000, size));
    }
}
