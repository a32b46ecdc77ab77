package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The mempool applies the consensus rule against free state growth (a positive fee) with the node's name for it. */
class ZeroFeeAdmissionTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final MapAccountSource accounts = new MapAccountSource();
    private final Mempool pool = new Mempool(PoolLimits.DEFAULTS, clock, new ChainTip(BlockHeaderCodec.id(CHAIN.genesis().header()), 10));
    private final Admission admission = new Admission(new TransactionRules(CHAIN.params().chainId(), TestKeys.provider()), accounts, pool);

    @Test
    void aZeroFeeTransferFromAnUnfundedAddressIsRefusedAsZeroFee() {
        AddResult result = admission.offer(CHAIN.transfer(7, TestKeys.address(8), 0, 0, 1), clock.millis());

        assertThat(result.outcome()).isEqualTo(AddOutcome.INVALID);
        assertThat(result.reason()).isEqualTo(PoolRejectReason.ZERO_FEE);
        assertThat(pool.count()).isZero();
    }

    @Test
    void aFundedSenderPayingNoFeeIsRefusedAsZeroFeeToo() {
        accounts.set(TestKeys.address(1), 1_000_000_000L, 0);
        AddResult result = admission.offer(CHAIN.transfer(1, TestKeys.address(2), 1_000, 0, 1), clock.millis());

        assertThat(result.reason()).isEqualTo(PoolRejectReason.ZERO_FEE);
    }
}
