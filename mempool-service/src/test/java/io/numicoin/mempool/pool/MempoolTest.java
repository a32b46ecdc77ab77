package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MempoolTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final Address BOB = TestKeys.address(90);
    private static final long RICH = 1_000_000_000L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final MapAccountSource accounts = new MapAccountSource();
    private Mempool pool = pool(PoolLimits.DEFAULTS);
    private Admission admission = new Admission(rules(), accounts, pool);

    private Mempool pool(PoolLimits limits) {
        Block genesis = CHAIN.genesis();
        return new Mempool(limits, clock, new ChainTip(BlockHeaderCodec.id(genesis.header()), 10));
    }

    private void usePool(PoolLimits limits) {
        pool = pool(limits);
        admission = new Admission(rules(), accounts, pool);
    }

    private static TransactionRules rules() {
        return new TransactionRules(CHAIN.params().chainId(), TestKeys.provider());
    }

    private AddResult offer(TransferTx tx) {
        return admission.offer(tx, clock.millis());
    }

    private static TransferTx tx(int key, long nonce, long fee) {
        return CHAIN.transfer(key, BOB, 1000, fee, nonce);
    }

    @Test
    void acceptsAValidTransferAndReportsDuplicates() {
        accounts.set(TestKeys.address(1), RICH, 4);
        TransferTx tx = tx(1, 5, 20_000);
        AddResult result = offer(tx);
        assertThat(result.outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(result.txid()).isEqualTo(TransactionCodec.txid(tx));
        assertThat(pool.count()).isEqualTo(1);
        assertThat(pool.bytes()).isEqualTo(TransactionCodec.encodedSize(tx));
        assertThat(pool.get(result.txid()).orElseThrow().feeRate())
                .isEqualTo(20_000L * 1000 / TransactionCodec.encodedSize(tx));
        assertThat(offer(tx).outcome()).isEqualTo(AddOutcome.DUPLICATE);
        assertThat(pool.count()).isEqualTo(1);
    }

    @Test
    void pendingTellsTheNonceThatFollowsTheRunWithoutAGap() {
        accounts.set(TestKeys.address(1), RICH, 4);
        assertThat(pool.pending(TestKeys.address(1))).isEqualTo(SenderPending.NONE);
        offer(tx(1, 5, 20_000));
        offer(tx(1, 6, 20_000));
        offer(tx(1, 8, 20_000)); // after a gap: not part of the run
        SenderPending pending = pool.pending(TestKeys.address(1));
        assertThat(pending.count()).isEqualTo(3);
        assertThat(pending.accountNonce()).isEqualTo(4);
        assertThat(pending.nextNonce()).isEqualTo(7);
        assertThat(pool.pending(TestKeys.address(2)).isEmpty()).isTrue();
    }

    @Test
    void statelessRulesAreReportedByName() {
        accounts.set(TestKeys.address(1), RICH, 0);
        TransferTx good = tx(1, 1, 20_000);
        TransferTx otherChain = new TransferTx(good.chainId() + 1, good.sender(), 1, BOB, good.amount(), good.fee(),
                0, Bytes.EMPTY, good.policy(), good.signatures());
        TransferTx badSignature = tx(1, 2, 20_000).withSignatures(good.signatures());
        TransferTx wrongPolicy = new TransferTx(good.chainId(), TestKeys.address(2), 1, BOB, good.amount(), good.fee(),
                0, Bytes.EMPTY, good.policy(), good.signatures());
        assertThat(offer(otherChain).reason()).isEqualTo(PoolRejectReason.WRONG_CHAIN_ID);
        assertThat(offer(badSignature).reason()).isEqualTo(PoolRejectReason.BAD_SIGNATURE);
        assertThat(offer(wrongPolicy).reason()).isEqualTo(PoolRejectReason.SENDER_POLICY_MISMATCH);
        assertThat(offer(good.withSignatures(List.of())).reason()).isEqualTo(PoolRejectReason.WRONG_SIGNATURE_COUNT);
        assertThat(admission.offer(HexFormat.of().parseHex("01ff"), clock.millis()).reason())
                .isEqualTo(PoolRejectReason.MALFORMED);
        byte[] coinbase = TransactionCodec.encode(CHAIN.genesis().coinbase());
        assertThat(admission.offer(coinbase, clock.millis()).reason()).isEqualTo(PoolRejectReason.COINBASE_NOT_ALLOWED);
        assertThat(pool.count()).isZero();
    }

    @Test
    void everyStatelessReasonHasAPoolReason() {
        for (io.numicoin.protocol.validation.TxRejectReason reason : io.numicoin.protocol.validation.TxRejectReason.values()) {
            assertThat(PoolRejectReason.of(reason).name()).isEqualTo(reason.name());
        }
    }

    @Test
    void nonceMustFollowTheAccountAndPendingTransactions() {
        accounts.set(TestKeys.address(1), RICH, 4);
        AddResult low = offer(tx(1, 4, 20_000));
        assertThat(low.outcome()).isEqualTo(AddOutcome.INVALID);
        assertThat(low.reason()).isEqualTo(PoolRejectReason.NONCE_TOO_LOW);
        assertThat(offer(tx(1, 5, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(tx(1, 6, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        // next expected 7; up to 16 future nonces may wait: 23 is the last allowed
        assertThat(offer(tx(1, 24, 20_000)).reason()).isEqualTo(PoolRejectReason.NONCE_TOO_HIGH);
        assertThat(offer(tx(1, 23, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(pool.includableRuns()).hasSize(1);
        assertThat(pool.includableRuns().getFirst()).extracting(PoolEntry::nonce).containsExactly(5L, 6L);
    }

    @Test
    void balanceMustCoverThePendingTransactionsToo() {
        TransferTx first = CHAIN.transfer(1, BOB, 60_000, 20_000, 1);
        TransferTx second = CHAIN.transfer(1, BOB, 60_000, 20_000, 2);
        accounts.set(TestKeys.address(1), 150_000, 0);
        assertThat(offer(first).outcome()).isEqualTo(AddOutcome.ADDED);
        AddResult result = offer(second);
        assertThat(result.reason()).isEqualTo(PoolRejectReason.INSUFFICIENT_BALANCE);
        assertThat(result.detail()).contains("160000").contains("150000");
    }

    @Test
    void feeRateBelowTheMinimumIsRefused() {
        accounts.set(TestKeys.address(1), RICH, 0);
        TransferTx cheap = tx(1, 1, 1_000); // about 5.4 KB: 184 per 1000 bytes, minimum 1000
        AddResult result = offer(cheap);
        assertThat(result.reason()).isEqualTo(PoolRejectReason.FEE_RATE_TOO_LOW);
        assertThat(result.detail()).contains("minimum is 1000");
    }

    @Test
    void expiredAndTooOldAreRefused() {
        accounts.set(TestKeys.address(1), RICH, 0);
        TransferTx expiring = CHAIN.transfer(1, BOB, 1000, 20_000, 1, 10); // tip 10: the next block is 11
        assertThat(offer(expiring).reason()).isEqualTo(PoolRejectReason.EXPIRED);
        TransferTx lastChance = CHAIN.transfer(1, BOB, 1000, 20_000, 1, 11);
        assertThat(offer(lastChance).outcome()).isEqualTo(AddOutcome.ADDED);
        long fifteenDaysAgo = clock.millis() - Duration.ofDays(15).toMillis();
        assertThat(admission.offer(tx(1, 2, 20_000), fifteenDaysAgo).reason()).isEqualTo(PoolRejectReason.TOO_OLD);
    }

    @Test
    void unreachableNodeIsReported() {
        accounts.unavailable(TestKeys.address(1));
        assertThat(offer(tx(1, 1, 20_000)).reason()).isEqualTo(PoolRejectReason.ACCOUNT_UNAVAILABLE);
    }

    @Test
    void perSenderLimitsStopSpam() {
        usePool(PoolLimits.DEFAULTS.withPerSender(2, 1024 * 1024));
        accounts.set(TestKeys.address(1), RICH, 0);
        assertThat(offer(tx(1, 1, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(tx(1, 2, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(tx(1, 3, 20_000)).reason()).isEqualTo(PoolRejectReason.SENDER_LIMIT);
        usePool(PoolLimits.DEFAULTS.withPerSender(64, 8_000));
        assertThat(offer(tx(1, 1, 20_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(tx(1, 2, 20_000)).reason()).isEqualTo(PoolRejectReason.SENDER_LIMIT);
    }

    @Test
    void replacementNeedsTheBumpAndADoubleSpendWithoutItIsRefused() {
        accounts.set(TestKeys.address(1), RICH, 0);
        TransferTx original = tx(1, 1, 20_000);
        assertThat(offer(original).outcome()).isEqualTo(AddOutcome.ADDED);
        TransferTx doubleSpend = CHAIN.transfer(1, TestKeys.address(91), 1000, 20_000, 1);
        AddResult refused = offer(doubleSpend);
        assertThat(refused.reason()).isEqualTo(PoolRejectReason.REPLACEMENT_UNDERPAID);
        assertThat(offer(tx(1, 1, 21_999)).reason()).isEqualTo(PoolRejectReason.REPLACEMENT_UNDERPAID);
        AddResult replaced = offer(tx(1, 1, 22_000));
        assertThat(replaced.outcome()).isEqualTo(AddOutcome.REPLACED);
        assertThat(replaced.removed()).singleElement().satisfies(r -> {
            assertThat(r.entry().tx()).isEqualTo(original);
            assertThat(r.reason()).isEqualTo(RemovalReason.REPLACED);
        });
        assertThat(pool.count()).isEqualTo(1);
    }

    @Test
    void fullPoolEvictsTheLowestRateWithItsDependantsAndRaisesTheMinimum() {
        int size = TransactionCodec.encodedSize(tx(1, 1, 20_000));
        usePool(PoolLimits.DEFAULTS.withMaxBytes(3L * size + 10));
        accounts.set(TestKeys.address(1), RICH, 0).set(TestKeys.address(2), RICH, 0).set(TestKeys.address(3), RICH, 0);
        TransferTx parent = tx(1, 1, 10_000);
        TransferTx child = tx(1, 2, 90_000);
        assertThat(offer(parent).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(child).outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(offer(tx(2, 1, 30_000)).outcome()).isEqualTo(AddOutcome.ADDED);
        long parentRate = PoolEntry.of(parent, 0).feeRate();

        AddResult result = offer(tx(3, 1, 40_000));

        assertThat(result.outcome()).isEqualTo(AddOutcome.ADDED);
        assertThat(result.removed()).extracting(r -> r.entry().tx(), Removal::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parent, RemovalReason.EVICTED),
                        org.assertj.core.groups.Tuple.tuple(child, RemovalReason.EVICTED));
        assertThat(pool.count()).isEqualTo(2);
        assertThat(pool.minFeeRate()).isEqualTo(parentRate + 1000);
        // a newcomer paying the evicted rate is refused; the minimum decays with a 12 h half-life
        assertThat(offer(tx(1, 1, 10_000)).reason()).isEqualTo(PoolRejectReason.FEE_RATE_TOO_LOW);
        clock.advance(Duration.ofHours(12));
        assertThat(pool.minFeeRate()).isBetween((parentRate + 1000) / 2 - 1, (parentRate + 1000) / 2 + 1);
        clock.advance(Duration.ofDays(3));
        assertThat(pool.minFeeRate()).isEqualTo(1000);
    }

    @Test
    void fullPoolRefusesWhatPaysLessThanItsLowest() {
        int size = TransactionCodec.encodedSize(tx(1, 1, 20_000));
        usePool(PoolLimits.DEFAULTS.withMaxBytes(2L * size + 10));
        accounts.set(TestKeys.address(1), RICH, 0).set(TestKeys.address(2), RICH, 0).set(TestKeys.address(3), RICH, 0);
        offer(tx(1, 1, 30_000));
        offer(tx(2, 1, 30_000));
        assertThat(offer(tx(3, 1, 20_000)).reason()).isEqualTo(PoolRejectReason.POOL_FULL);
        assertThat(pool.count()).isEqualTo(2);
    }

    @Test
    void connectedBlockRemovesIncludedConflictingAndNowInvalidTransactions() {
        accounts.set(TestKeys.address(1), RICH, 0).set(TestKeys.address(2), RICH, 0).set(TestKeys.address(3), 100_000, 0);
        TransferTx included = tx(1, 1, 20_000);
        TransferTx follower = tx(1, 2, 20_000);
        TransferTx pendingOf2 = tx(2, 1, 20_000);
        TransferTx conflictOf2 = CHAIN.transfer(2, TestKeys.address(91), 5, 20_000, 1);
        TransferTx ofThree = CHAIN.transfer(3, BOB, 50_000, 20_000, 1);
        for (TransferTx tx : List.of(included, follower, pendingOf2, ofThree)) {
            assertThat(offer(tx).outcome()).isEqualTo(AddOutcome.ADDED);
        }
        Block block = CHAIN.child(CHAIN.genesis()).coinbaseTo(BOB).transfers(included, conflictOf2).build();
        Map<Address, AccountState> after = Map.of(
                TestKeys.address(1), new AccountState(Amount.ofUnits(RICH), 1),
                TestKeys.address(2), new AccountState(Amount.ofUnits(RICH), 1),
                TestKeys.address(3), new AccountState(Amount.ofUnits(10_000), 0)); // key 3's balance went elsewhere

        List<Removal> removed = pool.blockConnected(new ChainTip(BlockHeaderCodec.id(block.header()), 11), block, after);

        assertThat(removed).extracting(r -> r.entry().tx(), Removal::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(included, RemovalReason.INCLUDED_IN_BLOCK),
                org.assertj.core.groups.Tuple.tuple(pendingOf2, RemovalReason.CONFLICT),
                org.assertj.core.groups.Tuple.tuple(ofThree, RemovalReason.INVALID));
        assertThat(pool.count()).isEqualTo(1);
        assertThat(pool.includableRuns()).singleElement().satisfies(run ->
                assertThat(run).extracting(PoolEntry::tx).containsExactly(follower));
    }

    @Test
    void expiryAndAgeSweep() {
        accounts.set(TestKeys.address(1), RICH, 0).set(TestKeys.address(2), RICH, 0);
        TransferTx expiring = CHAIN.transfer(1, BOB, 1000, 20_000, 1, 12);
        TransferTx aging = tx(2, 1, 20_000);
        offer(expiring);
        admission.offer(aging, clock.millis() - Duration.ofDays(13).toMillis());
        assertThat(pool.expire()).isEmpty();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(pool.expire()).extracting(r -> r.entry().tx()).containsExactly(aging);
        Block block = CHAIN.child(CHAIN.genesis()).coinbaseTo(BOB).build();
        assertThat(pool.blockConnected(new ChainTip(BlockHeaderCodec.id(block.header()), 12), block, Map.of()))
                .extracting(r -> r.entry().tx(), Removal::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(expiring, RemovalReason.EXPIRED));
    }
}
