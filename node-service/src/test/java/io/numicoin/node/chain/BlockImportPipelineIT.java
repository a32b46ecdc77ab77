package io.numicoin.node.chain;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The pipeline checks bodies ahead but imports in submission order with exactly the results of a
 * one-by-one import: a block whose signature is bad is refused as BAD_SIGNATURE (the check ran off
 * the import thread, it was not skipped), its child as an invalid descendant, and the valid branch
 * next to it connects with the state, bucket hashes and commitment the chain says.
 */
class BlockImportPipelineIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();

    @Test
    void importsInOrderWithTheResultsOfAOneByOneImportAndRefusesABadSignature() throws Exception {
        TestChains.ForgedSignatureBranch chain = TestChains.forgedSignatureBranch(BUILDER);
        Block bad = chain.bad();
        Block badChild = BUILDER.child(bad).build();
        Block b104 = chain.b104();
        List<Block> blocks = new ArrayList<>(chain.funded());
        blocks.addAll(List.of(chain.b102(), bad, badChild, chain.b103(), b104));

        InMemoryChain reference = new InMemoryChain(BUILDER.params());
        List<BlockImportResult> expected = blocks.stream().map(reference::importBlock).toList();
        try (NodeDatabase db = NodeDatabase.create("pipeline");
                NodeChainService service = db.chainService(BUILDER.params());
                BlockImportPipeline pipeline = new BlockImportPipeline(service, 3)) {
            service.start();
            List<CompletableFuture<BlockImportResult>> submitted = new ArrayList<>();
            for (Block block : blocks) {
                submitted.add(pipeline.submit(block));
            }
            List<BlockImportResult> actual = new ArrayList<>();
            for (CompletableFuture<BlockImportResult> result : submitted) {
                actual.add(result.get());
            }

            assertThat(actual).isEqualTo(expected);
            BlockImportResult refused = actual.get(blocks.indexOf(bad));
            assertThat(refused.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(refused.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.BAD_SIGNATURE);
            assertThat(actual.get(blocks.indexOf(badChild)).outcome()).isEqualTo(Outcome.INVALID);
            assertThat(actual.getLast().outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(service.status().tipId()).isEqualTo(id(b104));
            assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(b104).accounts());
            assertThat(StateCommitment.of(db.storedAccumulator())).isEqualTo(b104.header().stateCommitment());
            assertThat(db.bucketsTimesRewards().sameSetAs(db.storedAccumulator())).isTrue();
            assertThat(db.recomputedAccumulator().sameSetAs(db.storedAccumulator())).isTrue();
            // Valid bodies are written as soon as they are checked, before their blocks' imports: the
            // forged one never is; its child's body is sound on its own, so it is stored, but its block
            // is refused without entering block_index (a child of an invalid block is never stored)
            // and only main-chain bodies count as the chain's.
            assertThat(db.jdbc().queryForList("SELECT id FROM block_body", byte[].class).stream().map(Hash256::of).toList())
                    .as("genesis and every block but the forged one").hasSize(blocks.size())
                    .doesNotContain(id(bad)).contains(id(badChild));
            assertThat(db.jdbc().queryForObject("SELECT count(*) FROM block_index WHERE id = ?", Integer.class, (Object) id(badChild).toArray()))
                    .isZero();
        }
    }
}
