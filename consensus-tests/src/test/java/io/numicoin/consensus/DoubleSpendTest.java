package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import org.junit.jupiter.api.Test;

/** The same funds spent on two competing branches: each branch is valid alone; the winner's spend stands. */
class DoubleSpendTest {

    @Test
    void theSpendOnTheBranchWithMoreWorkIsTheOneThatStands() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        long balance = s.chain.state().account(TestKeys.address(1)).balance().units();
        assertThat(balance).isEqualTo(s.builder.params().subsidy().subsidyAt(1).units());

        TransferTx toMerchant = s.builder.transfer(1, TestKeys.address(2), balance - 1_000, 1_000, 1);
        TransferTx toSelf = s.builder.transfer(1, TestKeys.address(3), balance - 2_000, 2_000, 1);

        Block paid = s.builder.child(funded).transfers(toMerchant).build();
        assertThat(s.chain.importBlock(paid).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(s.chain.state().account(TestKeys.address(2)).balance().units()).isEqualTo(balance - 1_000);

        Block attack1 = s.builder.child(funded).transfers(toSelf).build();
        Block attack2 = s.builder.child(attack1).coinbaseMemo("attack").build();
        assertThat(s.chain.importBlock(attack1).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        BlockImportResult reorg = s.chain.importBlock(attack2);
        assertThat(reorg.outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(reorg.reorgDepth()).isEqualTo(1);
        assertThat(s.chain.state().account(TestKeys.address(2)).balance().units()).isZero();
        assertThat(s.chain.state().account(TestKeys.address(3)).balance().units()).isEqualTo(balance - 2_000);
        s.assertTipAndState(attack2);

        // The merchant's transaction cannot follow on this branch: its nonce is spent.
        Block replay = s.builder.child(attack2).transfers(toMerchant).build();
        s.assertRejected(replay, BlockRejectReason.BAD_NONCE);
    }

    @Test
    void bothSpendsInOneBlockAreRejected() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        long balance = s.chain.state().account(TestKeys.address(1)).balance().units();
        // Block 102 matures block 2's reward too: 2 x balance is spendable, each spend alone fits, both do not.
        Block both = s.builder.child(funded).transfers(
                s.builder.transfer(1, TestKeys.address(2), balance, 1_000, 1),
                s.builder.transfer(1, TestKeys.address(3), balance, 1_000, 2)).build();
        s.assertRejected(both, BlockRejectReason.INSUFFICIENT_BALANCE);
        s.assertTipAndState(funded);
    }
}
