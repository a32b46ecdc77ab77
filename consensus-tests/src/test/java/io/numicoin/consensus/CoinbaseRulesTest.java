package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coinbase pays at most subsidy + fees, and its reward is spendable only after 100 blocks. */
class CoinbaseRulesTest {

    @Test
    void overpayingByOneUnitIsRejectedAndPayingExactlyIsAccepted() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        var fee = s.builder.transfer(1, TestKeys.address(2), 5_000, 777, 1);
        s.assertRejected(s.builder.child(funded).transfers(fee).coinbaseOverpaying(1).build(),
                BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        Block exact = s.builder.child(funded).transfers(fee).coinbaseTo(TestKeys.address(9)).build();
        assertThat(s.chain.importBlock(exact).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        long expected = s.builder.params().subsidy().subsidyAt(exact.height()).units() + 777;
        assertThat(exact.coinbase().amount().units()).isEqualTo(expected);
        s.assertTipAndState(exact);
    }

    @Test
    void underpayingBurnsTheDifference() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(1, 1).getLast();
        Block modest = s.builder.child(tip).coinbaseUnits(1).build();
        assertThat(s.chain.importBlock(modest).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void aRewardCanBeSpentOnlyOnceMature() {
        Scenario s = new Scenario();
        Block tip99 = s.mineAndImport(99, 1).getLast();
        // Block 1's reward matures when block 101 is applied: in block 100 it is still locked.
        Block early = s.builder.child(tip99).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1)).build();
        assertThat(early.height()).isEqualTo(100);
        s.assertRejected(early, BlockRejectReason.INSUFFICIENT_BALANCE);

        Block tip100 = s.builder.child(tip99).coinbaseTo(TestKeys.address(1)).coinbaseMemo("100").build();
        s.importAll(List.of(tip100));
        assertThat(s.chain.state().account(TestKeys.address(1)).balance().units()).isZero();
        Block mature = s.builder.child(tip100).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1)).build();
        assertThat(mature.height()).isEqualTo(101);
        assertThat(s.chain.importBlock(mature).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(mature);
    }

    @Test
    void aCoinbaseForAnotherHeightIsRejected() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(2, 1).getLast();
        Block other = s.builder.child(s.builder.genesis()).coinbaseMemo("height 1").build();
        Block wrong = s.builder.child(tip).rawTransactions(other.transactions()).build();
        s.assertRejected(wrong, BlockRejectReason.COINBASE_HEIGHT_MISMATCH);
    }
}
