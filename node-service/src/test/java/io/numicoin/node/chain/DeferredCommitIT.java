package io.numicoin.node.chain;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.testkit.ChainBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pipelined import hands its block's transaction to the store's commit thread and goes on with the
 * next block ({@link NodeChainService#importCheckedBlock}). The status names the block only once that
 * commit is done, a synchronous import waits for it, and a commit that fails takes back what was built
 * on it: the blocks after it are not stored, and the chain goes on from what committed.
 */
class DeferredCommitIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();

    @Test
    void theStatusNamesABlockOnlyOnceItsCommitIsDoneAndASynchronousImportWaitsForIt() throws Exception {
        List<Block> blocks = BUILDER.extend(BUILDER.genesis(), 3, 1);
        try (NodeDatabase db = NodeDatabase.create("deferred");
                NodeChainService service = db.chainService(BUILDER.params())) {
            service.start();
            assertThat(service.importCheckedBlock(service.checkAndStoreBody(blocks.get(0))).get(10, TimeUnit.SECONDS).outcome())
                    .isEqualTo(Outcome.CONNECTED);
            assertThat(service.status().tipId()).isEqualTo(id(blocks.get(0)));

            CompletableFuture<BlockImportResult> second;
            CompletableFuture<BlockImportResult> third;
            try (Connection blocker = connect(db)) {
                blocker.setAutoCommit(false);
                try (Statement lock = blocker.createStatement()) {
                    lock.execute("SELECT id FROM chain_tip FOR UPDATE");  // the second block's commit waits at its tip update
                }
                second = service.importCheckedBlock(service.checkAndStoreBody(blocks.get(1)));

                assertThat(second).as("connected in memory, its commit held at the tip row").isNotDone();
                assertThat(service.status().tipId()).isEqualTo(id(blocks.get(0)));
                assertThat(service.tipBranch().tip().height()).isEqualTo(1);
                assertThat(db.jdbc().queryForObject("SELECT height FROM chain_tip", Long.class)).isEqualTo(1);

                third = CompletableFuture.supplyAsync(() -> service.submitBlock(blocks.get(2)));
                Thread.sleep(300);
                assertThat(third).as("a synchronous import waits for the deferred commit").isNotDone();
                blocker.rollback();
            }
            assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(third.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(service.status().tipId()).isEqualTo(id(blocks.get(2)));
            assertThat(db.jdbc().queryForObject("SELECT height FROM chain_tip", Long.class)).isEqualTo(3);
            assertThat(db.jdbc().queryForList("SELECT height FROM main_chain ORDER BY height", Long.class)).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    @Test
    void aFailedCommitTakesBackWhatWasBuiltOnItAndTheChainGoesOnFromWhatCommitted() throws Exception {
        List<Block> blocks = BUILDER.extend(BUILDER.genesis(), 8, 1);
        Block refused = blocks.get(4);
        try (NodeDatabase db = NodeDatabase.create("deferredfail");
                NodeChainService service = db.chainService(BUILDER.params());
                BlockImportPipeline pipeline = new BlockImportPipeline(service, 2)) {
            service.start();
            db.jdbc().execute("""
                    CREATE FUNCTION refuse_height_5() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.height = 5 THEN
                            RAISE EXCEPTION 'injected: main_chain refuses height 5';
                        END IF;
                        RETURN NEW;
                    END $$""");
            db.jdbc().execute("CREATE TRIGGER refuse_height_5 BEFORE INSERT ON main_chain FOR EACH ROW EXECUTE FUNCTION refuse_height_5()");

            List<CompletableFuture<BlockImportResult>> results = new ArrayList<>();
            for (Block block : blocks) {
                results.add(pipeline.submit(block));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CONNECTED);
            }
            assertThatThrownBy(() -> results.get(4).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ChainUnavailableException.class).hasMessageContaining("injected");
            for (int i = 5; i < blocks.size(); i++) {
                // built on the block that did not commit: refused with it, or an orphan once the chain reloaded
                BlockImportResult later = results.get(i).handle((result, failure) -> result).get(10, TimeUnit.SECONDS);
                assertThat(later == null || later.outcome() == Outcome.ORPHANED).as("block %d: %s", i + 1, later).isTrue();
            }
            assertThat(service.status().height()).isEqualTo(4);
            assertThat(db.jdbc().queryForObject("SELECT height FROM chain_tip", Long.class)).isEqualTo(4);
            assertThat(db.jdbc().queryForObject("SELECT max(height) FROM main_chain", Long.class)).isEqualTo(4);
            assertThat(db.jdbc().queryForObject("SELECT count(*) FROM block_index WHERE id = ?", Long.class,
                    (Object) id(refused).toArray())).as("its header went with its failed commit").isZero();

            db.jdbc().execute("DROP TRIGGER refuse_height_5 ON main_chain");
            for (Block block : blocks.subList(4, blocks.size())) {
                assertThat(pipeline.submit(block).get(10, TimeUnit.SECONDS).outcome()).isIn(Outcome.CONNECTED, Outcome.ALREADY_KNOWN);
            }
            Block last = blocks.getLast();
            assertThat(service.status().tipId()).isEqualTo(id(last));
            assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(last).accounts());
            assertThat(StateCommitment.of(db.storedAccumulator())).isEqualTo(last.header().stateCommitment());
            assertThat(db.bucketsTimesRewards().sameSetAs(db.storedAccumulator())).isTrue();
        }
    }

    private static Connection connect(NodeDatabase db) throws Exception {
        return DriverManager.getConnection(db.database().jdbcUrl(), db.database().user(), db.database().password());
    }
}
