package io.numicoin.node.storage;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.ConnectResult;
import io.numicoin.protocol.validation.StateRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomicity of the store's writes: when anything inside a connect or disconnect fails (here the
 * last step, appending the outbox event), not one row of any table changes — no body, state, undo,
 * index, tip, outbox row or counter value — and the same write then succeeds with a gap-free sequence.
 */
class PostgresChainStoreIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static NodeDatabase db;

    @BeforeAll
    static void database() {
        db = NodeDatabase.create("store");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** Appends the real outbox event, then fails when armed (so the event row is inside the failed transaction). */
    private static final class FailAfterEvent implements ChainEventSink {
        private final ChainEventSink outbox;
        private boolean armed;

        FailAfterEvent(ChainEventSink outbox) {
            this.outbox = outbox;
        }

        @Override
        public void connected(Hash256 id, Block block, BigInteger cumulativeWork) {
            outbox.connected(id, block, cumulativeWork);
            failIfArmed();
        }

        @Override
        public void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter) {
            outbox.disconnected(id, block, cumulativeWorkAfter);
            failIfArmed();
        }

        private void failIfArmed() {
            if (armed) {
                armed = false;
                throw new IllegalStateException("injected failure after the outbox append");
            }
        }
    }

    @Test
    void aFailedConnectOrDisconnectWritesNothingAndTheRetryKeepsTheSequenceGapFree() {
        FailAfterEvent sink = new FailAfterEvent(new OutboxChainEvents(new JdbcOutboxWriter(db.jdbc(), new OutboxSignal()),
                BUILDER.params().chainId(), TestChains.CLOCK));
        PostgresChainStore store = PostgresChainStore.open(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), sink, 1_000);
        BlockTree tree = db.transactions().execute(s -> new BlockTreeLoader(db.jdbc()).load(BUILDER.genesis().header(), store.journal()));
        StateRules rules = new StateRules(BUILDER.params().subsidy());
        List<Block> blocks = BUILDER.extend(BUILDER.genesis(), 101, 1);
        Block withTransfer = BUILDER.child(blocks.getLast()).transfers(BUILDER.transfer(1, TestKeys.address(2), 5_000, 100, 1)).build();
        for (Block block : blocks) {
            connect(store, tree, rules, block);
        }

        tree.addHeader(withTransfer.header());
        store.storeBlock(id(withTransfer), withTransfer);
        Map<String, List<String>> before = db.snapshot();
        ConnectResult.Connected connected = (ConnectResult.Connected) rules.apply(withTransfer, store.state());
        sink.armed = true;
        assertThatThrownBy(() -> store.connect(id(withTransfer), withTransfer, connected.diff(), connected.undo()))
                .hasMessageContaining("injected");
        assertThat(db.snapshot()).isEqualTo(before);  // the body and its block_index row went with the failed connect
        store.reload();
        assertThat(store.tip()).isEqualTo(id(blocks.getLast()));

        // As the chain service does after a failed write: the tree comes back from block_index, the block arrives again.
        BlockTree reloaded = db.transactions().execute(s -> new BlockTreeLoader(db.jdbc()).load(BUILDER.genesis().header(), store.journal()));
        assertThat(reloaded.contains(id(withTransfer))).isFalse();
        reloaded.addHeader(withTransfer.header());
        store.storeBlock(id(withTransfer), withTransfer);
        store.connect(id(withTransfer), withTransfer, connected.diff(), connected.undo());
        assertThat(store.tip()).isEqualTo(id(withTransfer));
        assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(withTransfer).accounts());

        Map<String, List<String>> beforeDisconnect = db.snapshot();
        sink.armed = true;
        assertThatThrownBy(() -> store.disconnect(id(withTransfer), withTransfer, store.undo(id(withTransfer)).orElseThrow()))
                .hasMessageContaining("injected");
        assertThat(db.snapshot()).isEqualTo(beforeDisconnect);
        store.reload();
        store.disconnect(id(withTransfer), withTransfer, store.undo(id(withTransfer)).orElseThrow());
        assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(blocks.getLast()).accounts());
        assertThat(db.storedAccumulator().sameSetAs(db.recomputedAccumulator())).isTrue();

        // One event per committed change: genesis, 101 connects, the connect, the disconnect; sequences 1..104.
        List<Long> outboxSeqs = db.jdbc().queryForList("SELECT seq FROM outbox ORDER BY seq", Long.class);
        assertThat(outboxSeqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 104).boxed().toList());
        assertThat(db.jdbc().queryForObject("SELECT next FROM outbox_counter WHERE name = 'numi.chain.v1'", Long.class)).isEqualTo(105);
    }

    @Test
    void aBodyWrittenAheadIsMarkedAvailableByItsImportAndOneWithoutABlockIsDeletedAtOpen() {
        try (NodeDatabase own = NodeDatabase.create("ahead")) {
            PostgresChainStore store = PostgresChainStore.open(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(), ChainEventSink.NONE, 1_000);
            Block stray = BUILDER.child(BUILDER.genesis()).coinbaseMemo("never imported").build();
            store.storeBodyAhead(id(stray), BlockCodec.encode(stray), 1);
            assertThat(own.jdbc().queryForObject("SELECT count(*) FROM block_body WHERE id = ?", Long.class,
                    (Object) id(stray).toArray())).isEqualTo(1);

            PostgresChainStore.open(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(), ChainEventSink.NONE, 1_000);

            assertThat(own.jdbc().queryForList("SELECT id FROM block_body", byte[].class).stream().map(Hash256::of).toList())
                    .as("only genesis: the stray body had no block_index row").containsExactly(BUILDER.params().genesisId());
        }
    }

    @Test
    void bodiesLiveInTheBlockFilesTheDatabaseNamesAndTheNodeRefusesToStartWithoutThem(@TempDir Path elsewhere) {
        try (NodeDatabase own = NodeDatabase.create("files")) {
            PostgresChainStore store = PostgresChainStore.open(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(),
                    ChainEventSink.NONE, 1_000);
            Block block = BUILDER.child(BUILDER.genesis()).coinbaseMemo("in a file").build();
            store.storeBodyAhead(id(block), BlockCodec.encode(block), 1);
            Map<String, Object> row = own.jdbc().queryForMap("SELECT body, file_no, file_offset, size FROM block_body WHERE id = ?",
                    (Object) id(block).toArray());
            assertThat(row.get("body")).as("not in PostgreSQL").isNull();
            assertThat(row.get("size")).isEqualTo(BlockCodec.encode(block).length);
            assertThat(own.blockFiles().read(new BlockFiles.Location((Integer) row.get("file_no"), (Long) row.get("file_offset")),
                    (Integer) row.get("size"))).isEqualTo(BlockCodec.encode(block));
            assertThat(own.blockFiles().directory()).startsWith(NodeDatabase.BLOCK_FILES.toAbsolutePath().normalize())
                    .hasFileName(own.jdbc().queryForObject("SELECT store_id::text FROM block_store", String.class));

            assertThatThrownBy(() -> BlockFiles.forDatabase(elsewhere, own.jdbc(), BlockFiles.DEFAULT_MAX_FILE_BYTES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(elsewhere.toAbsolutePath().toString()).hasMessageContaining("does not exist");
        }
    }

    @Test
    void aDeferredConnectIsReadBackBeforeItCommitsAndAFailedOneIsThrownToEveryWriteAfterIt() throws Exception {
        try (NodeDatabase own = NodeDatabase.create("deferstore")) {
            FailAfterEvent sink = new FailAfterEvent(ChainEventSink.NONE);
            // No account cache: what the importer reads comes from the table or from the deferred write.
            PostgresChainStore store = PostgresChainStore.open(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(), sink, 0);
            BlockTree tree = own.transactions().execute(s -> new BlockTreeLoader(own.jdbc()).load(BUILDER.genesis().header(), store.journal()));
            StateRules rules = new StateRules(BUILDER.params().subsidy());
            List<Block> blocks = BUILDER.extend(BUILDER.genesis(), 101, 1);
            for (Block block : blocks) {
                connect(store, tree, rules, block);
            }
            Block pay = BUILDER.child(blocks.getLast()).transfers(BUILDER.transfer(1, TestKeys.address(2), 5_000, 100, 1)).build();
            Block payAgain = BUILDER.child(pay).transfers(BUILDER.transfer(1, TestKeys.address(2), 7_000, 100, 2)).build();
            Block third = BUILDER.child(payAgain).build();
            Block fourth = BUILDER.child(third).build();

            store.deferCommits(true);
            try (Connection blocker = DriverManager.getConnection(own.database().jdbcUrl(), own.database().user(), own.database().password())) {
                blocker.setAutoCommit(false);
                try (Statement lock = blocker.createStatement()) {
                    lock.execute("SELECT id FROM chain_tip FOR UPDATE");  // the deferred commit waits at its tip update
                }
                connect(store, tree, rules, pay);

                assertThat(store.committed()).isNotDone();
                assertThat(store.tip()).isEqualTo(id(pay));
                assertThat(own.accounts()).as("nothing committed yet").isEqualTo(BUILDER.stateAfter(blocks.getLast()).accounts());
                assertThat(store.state().account(TestKeys.address(1)))
                        .isEqualTo(BUILDER.stateAfter(pay).accounts().get(TestKeys.address(1)));
                assertThat(rules.apply(payAgain, store.state()))
                        .as("the next block is checked against the state after the one still committing (nonce 2)")
                        .isInstanceOf(ConnectResult.Connected.class);
                blocker.rollback();
            }
            store.committed().get(10, TimeUnit.SECONDS);
            connect(store, tree, rules, payAgain);
            store.awaitCommits();
            assertThat(own.accounts()).isEqualTo(BUILDER.stateAfter(payAgain).accounts());
            assertThat(own.storedAccumulator().sameSetAs(own.recomputedAccumulator())).isTrue();
            assertThat(own.bucketsTimesRewards().sameSetAs(own.storedAccumulator())).isTrue();

            Map<String, List<String>> before = own.snapshot();
            sink.armed = true;
            connect(store, tree, rules, third);  // returns: its commit fails on the commit thread
            tree.addHeader(fourth.header());
            store.storeBlock(id(fourth), fourth);
            ConnectResult.Connected onThird = (ConnectResult.Connected) rules.apply(fourth, store.state());
            assertThatThrownBy(() -> store.committed().get(10, TimeUnit.SECONDS)).hasMessageContaining("injected");
            assertThatThrownBy(store::awaitCommits).hasMessageContaining("injected");
            assertThatThrownBy(() -> store.connect(id(fourth), fourth, onThird))
                    .as("nothing is written on a state that did not commit").hasMessageContaining("injected");
            assertThat(own.snapshot()).isEqualTo(before);

            store.deferCommits(false);
            store.reload();
            assertThat(store.tip()).isEqualTo(id(payAgain));
            assertThat(store.state().account(TestKeys.address(1)))
                    .isEqualTo(BUILDER.stateAfter(payAgain).accounts().get(TestKeys.address(1)));
            store.close();
        }
    }

    private static void connect(PostgresChainStore store, BlockTree tree, StateRules rules, Block block) {
        tree.addHeader(block.header());
        store.storeBlock(id(block), block);
        ConnectResult.Connected connected = (ConnectResult.Connected) rules.apply(block, store.state());
        store.connect(id(block), block, connected);
    }
}
