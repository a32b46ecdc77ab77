package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invalid block in the middle of a branch: it and its descendants are rejected, the valid part stays. */
class InvalidBranchTest {

    @Test
    void aBlockThatBreaksAStateRuleRejectsItsDescendantsButKeepsTheValidPrefix() {
        Scenario s = new Scenario();
        Block fork = s.mineAndImport(3, 1).getLast();
        Block a1 = s.builder.child(fork).coinbaseMemo("a1").build();
        Block a2 = s.builder.child(a1).coinbaseMemo("a2").build();
        s.importAll(List.of(a1, a2));

        // Branch: b1, b2 valid; b3 overpays its coinbase; b4..b6 build on b3.
        Block b1 = s.builder.child(fork).coinbaseTo(TestKeys.address(3)).coinbaseMemo("b1").build();
        Block b2 = s.builder.child(b1).coinbaseTo(TestKeys.address(3)).coinbaseMemo("b2").build();
        Block b3 = s.builder.child(b2).coinbaseTo(TestKeys.address(3)).coinbaseOverpaying(1).build();
        List<Block> descendants = new ArrayList<>();
        Block tip = b3;
        for (int i = 4; i <= 6; i++) {
            tip = s.builder.child(tip).coinbaseTo(TestKeys.address(3)).coinbaseMemo("b" + i).build();
            descendants.add(tip);
        }
        assertThat(s.chain.importBlock(b1).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        assertThat(s.chain.importBlock(b2).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        // b3 would give the branch more work: the node switches, fails on b3, and returns to a2 (b2 ties a2; a2 was first).
        s.assertRejected(b3, BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        s.assertTipAndState(a2);
        for (Block descendant : descendants) {
            s.assertRejected(descendant, BlockRejectReason.INVALID_ANCESTOR);
        }
        s.assertTipAndState(a2);
        // Importing b3 again is refused with its original reason, without re-validation.
        s.assertRejected(b3, BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);

        // A valid b3' on the valid prefix wins.
        Block b3Valid = s.builder.child(b2).coinbaseTo(TestKeys.address(3)).coinbaseMemo("b3 honest").build();
        assertThat(s.chain.importBlock(b3Valid).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(b3Valid);
    }

    @Test
    void descendantsArrivingBeforeTheInvalidBlockAreRejectedWhenItArrives() {
        Scenario s = new Scenario();
        Block base = s.mineAndImport(2, 1).getLast();
        Block bad = s.builder.child(base).coinbaseOverpaying(1).build();
        Block child = s.builder.child(bad).coinbaseMemo("child").build();
        Block grandchild = s.builder.child(child).coinbaseMemo("grandchild").build();
        assertThat(s.chain.importBlock(grandchild).outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        assertThat(s.chain.importBlock(child).outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        s.assertRejected(bad, BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        s.assertTipAndState(base);
        // refused without being stored (a child of an invalid block must not grow the tree), and refused again
        assertThat(s.chain.tree().contains(Scenario.id(grandchild))).isFalse();
        s.assertRejected(grandchild, BlockRejectReason.INVALID_ANCESTOR);
    }
}
