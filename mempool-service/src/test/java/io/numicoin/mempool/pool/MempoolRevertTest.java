package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link Mempool#revert}: an add whose store write failed is undone, replaced entries come back. */
class MempoolRevertTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final Address BOB = TestKeys.address(90);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final MapAccountSource accounts = new MapAccountSource();
    private final Mempool pool = new Mempool(PoolLimits.DEFAULTS, clock, new ChainTip(BlockHeaderCodec.id(CHAIN.genesis().header()), 10));
    private final Admission admission = new Admission(new TransactionRules(CHAIN.params().chainId(), TestKeys.provider()), accounts, pool);

    @Test
    void aRevertedReplacementBringsBackTheReplacedTransaction() {
        accounts.set(TestKeys.address(1), 1_000_000_000L, 4);
        TransferTx first = CHAIN.transfer(1, BOB, 1000, 20_000, 5);
        TransferTx second = CHAIN.transfer(1, BOB, 1000, 20_000, 6);
        TransferTx replacement = CHAIN.transfer(1, BOB, 2000, 40_000, 6);
        assertThat(admission.offer(first, clock.millis()).isAccepted()).isTrue();
        assertThat(admission.offer(second, clock.millis()).isAccepted()).isTrue();
        long before = pool.version();

        AddResult replaced = admission.offer(replacement, clock.millis());
        assertThat(replaced.outcome()).isEqualTo(AddOutcome.REPLACED);
        pool.revert(replaced);

        assertThat(pool.get(replaced.txid())).isEmpty();
        assertThat(pool.byRateDescending()).extracting(PoolEntry::tx).containsExactlyInAnyOrder(first, second);
        assertThat(pool.template(1_000_000, 100).transactions()).extracting(PoolEntry::tx).containsExactly(first, second);
        assertThat(pool.version()).isGreaterThan(before);
    }

    @Test
    void aRevertedAddOfANewSenderLeavesNoQueueBehind() {
        accounts.set(TestKeys.address(2), 1_000_000_000L, 0);
        AddResult added = admission.offer(CHAIN.transfer(2, BOB, 1000, 20_000, 1), clock.millis());
        pool.revert(added);
        assertThat(pool.count()).isZero();
        assertThat(pool.senders()).isEmpty();
        assertThat(admission.offer(CHAIN.transfer(2, BOB, 1000, 20_000, 1), clock.millis()).outcome()).isEqualTo(AddOutcome.ADDED);
    }
}
