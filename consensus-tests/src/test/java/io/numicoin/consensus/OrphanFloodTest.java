package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orphans from peers: a flood from one peer evicts only its own orphans, an orphan must carry its
 * proof of work and match its merkle root before it is kept, and a mutated copy cannot take an
 * honest block's id in the pool.
 */
class OrphanFloodTest {

    @Test
    void aFloodFromOnePeerDoesNotEvictAnotherPeersOrphans() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(10, 1).getLast();
        List<Block> honest = s.builder.extend(tip, 4, 2);
        // more orphans than the whole pool holds, all from one peer (a hidden branch whose first block it keeps back)
        List<Block> flood = s.builder.extend(tip, OrphanPool.DEFAULT_MAX_COUNT + 11, 3);
        long now = flood.getLast().header().timestamp();  // one "now" for all: nothing expires, nothing is in the future
        for (Block block : honest.subList(1, 4)) {
            assertThat(s.chain.importBlock(block, now, "honest").outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        }
        for (Block block : flood.subList(1, flood.size())) {
            assertThat(s.chain.importBlock(block, now, "flooder").outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        }

        assertThat(s.chain.importBlock(honest.getFirst(), now, "honest").outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(honest.getLast());
    }

    @Test
    void anOrphanWithoutItsProofOfWorkIsNotKept() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(3, 1).getLast();
        Block parent = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).build();
        Block workless = s.builder.child(parent).coinbaseTo(TestKeys.address(2)).withoutProofOfWork().build();
        long before = s.chain.importer().orphanPowChecks();

        BlockImportResult result = s.chain.importBlock(workless, workless.header().timestamp(), "peer");
        assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(result.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK));
        assertThat(s.chain.importer().orphanPowChecks()).isEqualTo(before + 1);
        assertThat(s.chain.importBlock(parent).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(parent);  // nothing was waiting on it
    }

    @Test
    void aMutatedOrphanDoesNotShadowTheHonestBlockWithItsId() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        Block parent = s.builder.child(funded).coinbaseTo(TestKeys.address(3)).build();
        Block honest = s.builder.child(parent).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1)).build();
        List<Transaction> stripped = new ArrayList<>(honest.transactions().subList(0, 1));
        Block mutated = new Block(honest.header(), stripped);

        long now = honest.header().timestamp();
        BlockImportResult refused = s.chain.importBlock(mutated, now, "evil");
        assertThat(refused.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(refused.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.MERKLE_ROOT_MISMATCH));
        assertThat(s.chain.importBlock(honest, now, "honest").outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        assertThat(s.chain.importBlock(parent).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(honest);
    }

    @Test
    void theChildOfAnInvalidBlockIsRefusedWithoutBeingStored() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(3, 1).getLast();
        Block invalid = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).coinbaseOverpaying(1).build();
        Block child = s.builder.child(invalid).coinbaseTo(TestKeys.address(2)).build();
        s.assertRejected(invalid, BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        int size = s.chain.tree().size();

        s.assertRejected(child, BlockRejectReason.INVALID_ANCESTOR);
        assertThat(s.chain.tree().contains(Scenario.id(child))).isFalse();
        assertThat(s.chain.importer().importHeader(child.header(), child.header().timestamp()))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.INVALID_ANCESTOR));
        assertThat(s.chain.tree().size()).isEqualTo(size);
        s.assertTipAndState(tip);
    }
}
