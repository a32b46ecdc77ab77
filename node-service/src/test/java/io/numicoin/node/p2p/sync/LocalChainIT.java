package io.numicoin.node.p2p.sync;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requested bodies are checked ahead yet written on the one import thread in the order they
 * arrived: a sync view asked for right after them — without waiting for their imports — already
 * sees every one of them stored (the first attempt read it while checked imports were still
 * queued, and sync asked for those blocks again), even the last, whose commit may still be running.
 * A bad signature is still refused and the bodies after it still import.
 */
class LocalChainIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();

    @Test
    void bodiesArrivingOutOfOrderAreAllInTheNextViewAndABadSignatureIsRefused() throws Exception {
        TestChains.ForgedSignatureBranch branch = TestChains.forgedSignatureBranch(BUILDER);
        Block bad = branch.bad();
        Block b104 = branch.b104();
        List<Block> blocks = new ArrayList<>(branch.funded());
        blocks.addAll(List.of(branch.b102(), bad, branch.b103(), b104));

        try (NodeDatabase db = NodeDatabase.create("localchain");
                NodeChainService service = db.chainService(BUILDER.params());
                LocalChain chain = new LocalChain(service, 2)) {
            service.start();
            List<BlockHeader> headers = blocks.stream().map(Block::header).toList();
            assertThat(chain.submitHeadersWithVerifiedWork(headers).get()).isEmpty();
            assertThat(chain.view(1_024).get().wanted()).hasSize(blocks.size() - 1);  // the best header chain: every block but the bad one

            List<Block> arrival = new ArrayList<>(blocks);
            Collections.shuffle(arrival, new Random(7));
            List<CompletableFuture<BlockImportResult>> submitted = new ArrayList<>();
            for (Block block : arrival) {
                submitted.add(chain.submitRequestedBlock(block));
            }
            ChainView view = chain.view(1_024).get();

            // Imported before the view was read (the last commit may still be running: the view's tip
            // is the status, which follows the commits, but the tree already holds every body).
            assertThat(view.wanted()).as("every body submitted before the view was read is in the tree").isEmpty();
            for (int i = 0; i < arrival.size(); i++) {
                BlockImportResult result = submitted.get(i).get(10, TimeUnit.SECONDS);
                if (arrival.get(i) == bad) {
                    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
                    assertThat(result.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.BAD_SIGNATURE);
                } else {
                    assertThat(result.outcome()).isIn(Outcome.CONNECTED, Outcome.SIDE_BRANCH);
                }
            }
            assertThat(service.status().tipId()).isEqualTo(id(b104));
            assertThat(chain.view(1_024).get().tipId()).isEqualTo(id(b104));
            assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(b104).accounts());
        }
    }
}
