package io.numicoin.node.chain;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import io.numicoin.testkit.TestKeys;
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
        List<Block> blocks = new ArrayList<>(TestChains.funded(BUILDER, 1));
        Block b102 = BUILDER.child(blocks.getLast()).transfers(BUILDER.transfer(1, TestKeys.address(2), 3_000_000L, 1_000, 1)).build();
        TransferTx honest = BUILDER.transfer(1, TestKeys.address(3), 2_000_000L, 1_000, 2);
        TransferTx forged = honest.withSignatures(BUILDER.transfer(1, TestKeys.address(4), 2_000_000L, 1_000, 2).signatures());
        Block bad = BUILDER.child(b102).transfers(forged).build();
        Block badChild = BUILDER.child(bad).build();
        Block b103 = BUILDER.child(b102).transfers(honest).build();
        Block b104 = BUILDER.child(b103).transfers(BUILDER.transfer(2, TestKeys.address(5), 1_000_000L, 1_000, 1)).build();
        blocks.addAll(List.of(b102, bad, badChild, b103, b104));

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
            assertThat(db.jdbc().queryForObject("SELECT count(*) FROM block_body", Long.class))
                    .as("genesis and every block but the two refused").isEqualTo(blocks.size() - 1);
        }
    }
}
