package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.ChainChange;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForkAndReorgTest {

    @ParameterizedTest(name = "reorg depth {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 21, 34, 50})
    void theBranchWithMoreWorkWinsAndStateFollowsIt(int depth) {
        Scenario s = new Scenario();
        List<Block> common = s.mineAndImport(3, 1);
        Block fork = common.getLast();
        List<Block> active = s.builder.extend(fork, depth, 2);
        s.importAll(active);
        s.assertTipAndState(active.getLast());

        // A competing branch one block longer: every block but the last is a side branch.
        Block tip = fork;
        BlockImportResult last = null;
        for (int i = 0; i <= depth; i++) {
            tip = s.builder.child(tip).coinbaseTo(TestKeys.address(3)).coinbaseMemo("b" + i).build();
            last = s.chain.importBlock(tip);
            BlockImportResult.Outcome expected = i < depth ? BlockImportResult.Outcome.SIDE_BRANCH : BlockImportResult.Outcome.CONNECTED;
            assertThat(last.outcome()).as("branch block %d", i).isEqualTo(expected);
        }
        assertThat(last.reorgDepth()).isEqualTo(depth);
        assertThat(last.changes()).hasSize(2 * depth + 1);
        assertThat(last.changes().getFirst()).isEqualTo(new ChainChange(ChainChange.Kind.DISCONNECTED,
                Scenario.id(active.getLast()), active.getLast().height()));
        assertThat(last.changes().getLast()).isEqualTo(new ChainChange(ChainChange.Kind.CONNECTED, Scenario.id(tip), tip.height()));
        s.assertTipAndState(tip);
    }

    @Test
    void equalWorkKeepsTheFirstSeenTip() {
        Scenario s = new Scenario();
        Block fork = s.mineAndImport(2, 1).getLast();
        Block first = s.builder.child(fork).coinbaseMemo("first").build();
        Block second = s.builder.child(fork).coinbaseMemo("second").build();
        assertThat(s.chain.importBlock(first).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(s.chain.importBlock(second).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        s.assertTipAndState(first);
    }

    @Test
    void reorganisingBackAndForthRestoresStateExactly() {
        Scenario s = new Scenario();
        Block fork = s.mineAndImport(2, 1).getLast();
        Block[] tips = {fork, fork};
        for (int round = 0; round < 6; round++) {
            int behind = round % 2;
            Block tip = tips[behind];
            while (tip.height() <= tips[1 - behind].height()) {
                tip = s.builder.child(tip).coinbaseTo(TestKeys.address(4 + behind)).coinbaseMemo(round + "/" + tip.height()).build();
                s.chain.importBlock(tip);
            }
            tips[behind] = tip;
            s.assertTipAndState(tip);
        }
    }

    @Test
    void aDuplicateBlockIsAlreadyKnown() {
        Scenario s = new Scenario();
        Block block = s.mineAndImport(1, 1).getFirst();
        assertThat(s.chain.importBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.ALREADY_KNOWN);
    }
}
