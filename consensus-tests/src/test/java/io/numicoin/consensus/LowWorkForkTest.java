package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockAdmission;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.HeaderBatchCheck;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejectReason;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A low-work fork from genesis: on a chain of 300 blocks, a rival chain of a few blocks from
 * genesis costs its maker almost nothing, so none of it is stored — neither its blocks gossiped
 * one by one nor its headers — while a fork within a day's blocks of the tip still is, and a
 * chain that presyncs past the threshold is followed.
 */
class LowWorkForkTest {

    @Test
    void aShortForkFromGenesisIsNotStoredAsBlocksOrAsHeaders() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(300, 1).getLast();
        int treeSize = s.chain.tree().size();
        List<Block> rival = s.builder.extend(s.builder.genesis(), 5, 7);

        BlockImportResult first = s.chain.importBlock(rival.getFirst());
        assertThat(first.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(first.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.LOW_CHAIN_WORK));
        assertThat(s.chain.tree().contains(Scenario.id(rival.getFirst()))).isFalse();
        assertThat(s.chain.tree().isKnownInvalid(Scenario.id(rival.getFirst()))).isFalse();
        assertThat(s.chain.importer().importHeader(rival.getFirst().header(), rival.getFirst().header().timestamp()))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.LOW_CHAIN_WORK));
        // its later blocks wait as orphans (their parent is not stored); nothing reaches the tree
        for (Block block : rival.subList(1, rival.size())) {
            assertThat(s.chain.importBlock(block, block.header().timestamp(), "rival").outcome())
                    .isEqualTo(BlockImportResult.Outcome.ORPHANED);
        }
        assertThat(s.chain.tree().size()).isEqualTo(treeSize);
        s.assertTipAndState(tip);

        // as a headers response after genesis: every rule but the work passes; its work is far below the threshold
        List<BlockHeader> headers = rival.stream().map(Block::header).toList();
        HeaderBatchCheck.Verdict verdict = new HeaderBatchCheck(s.builder.params())
                .check(s.chain.tree(), headers, List.of(s.builder.params().genesisId()), List.of(), false, tip.header().timestamp());
        assertThat(verdict).isInstanceOf(HeaderBatchCheck.Checked.class);
        HeaderBatchCheck.Checked checked = (HeaderBatchCheck.Checked) verdict;
        BigInteger threshold = BlockAdmission.of(s.builder.params()).workThreshold(s.chain.tree().entry(s.chain.tip()).orElseThrow());
        assertThat(checked.endWork()).isLessThan(threshold);
        assertThat(checked.expectedTargets()).containsOnly(tip.header().target());
    }

    @Test
    void aForkWithinADayOfTheTipIsStoredAndWinsWithMoreWork() {
        Scenario s = new Scenario();
        List<Block> main = s.mineAndImport(200, 1);
        Block forkPoint = main.get(199 - 100);  // 100 blocks below the tip, within the 144-block margin
        List<Block> rival = s.builder.extend(forkPoint, 101, 7);
        for (Block block : rival.subList(0, 100)) {
            assertThat(s.chain.importBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        }
        assertThat(s.chain.importBlock(rival.getLast()).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(rival.getLast());
    }

    @Test
    void aBatchThatRepliesWithTheRequestsOwnIdsOrFollowsNoneOfThemIsRefusedBeforeAnyWork() {
        Scenario s = new Scenario();
        List<Block> main = s.mineAndImport(30, 1);
        HeaderBatchCheck check = new HeaderBatchCheck(s.builder.params());
        List<Hash256> locator = s.chain.tree().locator(s.chain.tip());
        List<BlockHeader> ours = main.stream().map(Block::header).toList();
        long now = main.getLast().header().timestamp();

        assertThat(check.check(s.chain.tree(), ours, locator, List.of(), true, now))
                .isInstanceOfSatisfying(HeaderBatchCheck.Refused.class,
                        r -> assertThat(r.failure()).isEqualTo(HeaderBatchCheck.Failure.REPLAY));
        assertThat(check.check(s.chain.tree(), ours.subList(1, 30), List.of(s.chain.tip()), List.of(), true, now))
                .isInstanceOfSatisfying(HeaderBatchCheck.Refused.class,
                        r -> assertThat(r.failure()).isEqualTo(HeaderBatchCheck.Failure.UNCONNECTED));
    }
}
