package io.numicoin.node.chain;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.RecordingChainEvents;
import io.numicoin.node.TestChains;
import io.numicoin.events.BlockConnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.node.outbox.OutboxRow;
import io.numicoin.node.outbox.OutboxTable;
import io.numicoin.node.storage.BlockStatusCode;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.ChainChange;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chain service over real PostgreSQL against the in-memory chain, block by block: connects,
 * side branches, reorganisations both ways, an invalid block with a descendant, a header without
 * body; then a restart on the same database that must rebuild tree, tip and state exactly.
 */
class NodeChainServiceIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static List<Block> funded;
    private static NodeDatabase db;

    private final InMemoryChain reference = new InMemoryChain(BUILDER.params());
    private final RecordingChainEvents events = new RecordingChainEvents();
    private final List<String> expectedEvents = new ArrayList<>();
    private final List<Block> imported = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        funded = TestChains.funded(BUILDER, 1);
        db = NodeDatabase.create("chainsvc");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void followsTheInMemoryChainThroughReorgsAndInvalidBlocksAndSurvivesARestart() {
        NodeChainService service = newService(events);
        service.start();
        expectedEvents.add("+" + BUILDER.params().genesisId());
        Block b101 = funded.getLast();
        for (Block block : funded) {
            importAndCompare(service, block);
        }
        assertStateIs(service, b101);

        Block b102 = BUILDER.child(b101).transfers(
                BUILDER.transfer(1, TestKeys.address(2), 3_000_000_000L, 10_000, 1),
                BUILDER.transfer(1, TestKeys.address(3), 1_000_000_000L, 20_000, 2)).build();
        Block b103 = BUILDER.child(b102).transfers(BUILDER.transfer(2, TestKeys.address(4), 1_000_000L, 5_000, 1)).build();
        importAndCompare(service, b102);
        importAndCompare(service, b103);
        assertStateIs(service, b103);

        // A rival branch from 101 paying key 5 instead: equal work stays aside, more work reorganises.
        Block s102 = BUILDER.child(b101).coinbaseMemo("side").transfers(BUILDER.transfer(1, TestKeys.address(5), 500_000_000L, 1_000, 1)).build();
        Block s103 = BUILDER.child(s102).coinbaseMemo("side").build();
        Block s104 = BUILDER.child(s103).coinbaseMemo("side").build();
        assertThat(importAndCompare(service, s102).outcome()).isEqualTo(Outcome.SIDE_BRANCH);
        assertThat(importAndCompare(service, s103).outcome()).isEqualTo(Outcome.SIDE_BRANCH);
        BlockImportResult reorg = importAndCompare(service, s104);
        assertThat(reorg.outcome()).isEqualTo(Outcome.CONNECTED);
        assertThat(reorg.reorgDepth()).isEqualTo(2);
        assertStateIs(service, s104);

        // And back: the first branch grows longer.
        Block b104 = BUILDER.child(b103).build();
        Block b105 = BUILDER.child(b104).transfers(BUILDER.transfer(3, TestKeys.address(6), 7_000L, 1_000, 1)).build();
        importAndCompare(service, b104);
        assertThat(importAndCompare(service, b105).reorgDepth()).isEqualTo(3);
        assertStateIs(service, b105);

        // An invalid block (coinbase pays too much) whose child arrived first as an orphan.
        Block bad = BUILDER.child(b105).coinbaseOverpaying(1).build();
        Block badChild = BUILDER.child(bad).build();
        assertThat(importAndCompare(service, badChild).outcome()).isEqualTo(Outcome.ORPHANED);
        BlockImportResult rejected = importAndCompare(service, bad);
        assertThat(rejected.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(rejected.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        assertThat(statusCode(bad)).isEqualTo(BlockStatusCode.INVALID);
        // the child of an invalid block is refused without being stored (it must not grow the tree)
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM block_index WHERE id = ?", Long.class,
                (Object) id(badChild).toArray())).isZero();
        assertStateIs(service, b105);

        // A header whose body has not arrived.
        Block headerOnly = BUILDER.child(b105).coinbaseMemo("header only").build();
        assertThat(service.submitHeader(headerOnly.header())).isEmpty();
        assertThat(statusCode(headerOnly)).isEqualTo(BlockStatusCode.HEADER_ONLY);
        assertThat(events.events()).isEqualTo(expectedEvents);

        // Restart: new store, tree and service objects on the same database.
        List<BlockIndexEntry> before = entries(service, headerOnly, bad);
        ChainStatus statusBefore = service.status();
        List<BlockIndexEntry> bestBefore = service.readTree(t -> List.of(t.bestHeaderTip(), t.bestBlockCandidate()));
        service.close();
        NodeChainService restarted = newService(new RecordingChainEvents());
        restarted.start();
        assertThat(entries(restarted, headerOnly, bad)).isEqualTo(before);
        List<BlockIndexEntry> bestAfter = restarted.readTree(t -> List.of(t.bestHeaderTip(), t.bestBlockCandidate()));
        assertThat(bestAfter).isEqualTo(bestBefore);
        assertThat(restarted.status()).isEqualTo(statusBefore);
        assertStateIs(restarted, b105);
        // Still known invalid, with the original reason (block_index keeps it); the child still INVALID_ANCESTOR.
        BlockImportResult again = restarted.submitBlock(bad);
        assertThat(again.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(again.rejection()).isEqualTo(rejected.rejection());
        assertThat(again.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        BlockImportResult childAgain = restarted.submitBlock(badChild);
        assertThat(childAgain.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.INVALID_ANCESTOR);

        // It carries on where it stopped.
        Block b106 = BUILDER.child(b105).build();
        assertThat(importAndCompare(restarted, b106).outcome()).isEqualTo(Outcome.CONNECTED);
        assertStateIs(restarted, b106);
        restarted.close();
    }

    /**
     * A caller interrupted while its block is imported (an HTTP client that went away: Reactor
     * interrupts the request's virtual thread) gets an error, and the import commits all the same.
     * When the import ran on the caller's virtual thread, the interrupt closed PostgreSQL's socket
     * mid-transaction, the reload failed on the same interrupt, and the node kept a stale tip.
     */
    @Test
    void aCallerInterruptedDuringItsImportDoesNotBreakTheImport() throws Exception {
        try (NodeDatabase own = NodeDatabase.create("interrupt")) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            Hash256[] interruptOn = new Hash256[1];
            ChainEventSink interrupting = new ChainEventSink() {
                @Override
                public void connected(Hash256 id, Block block, BigInteger work) {
                    if (id.equals(interruptOn[0])) {
                        // inside the connect transaction: the caller is interrupted while the import waits on PostgreSQL
                        Thread.ofPlatform().start(() -> {
                            sleep(100);
                            caller.get().interrupt();
                        });
                        own.jdbc().execute("SELECT pg_sleep(0.5)");
                    }
                }

                @Override
                public void disconnected(Hash256 id, Block block, BigInteger workAfter) {
                }
            };
            List<Block> main = BUILDER.extend(BUILDER.genesis(), 3, 3);
            try (NodeChainService service = new NodeChainService(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(), interrupting,
                    TestChains.CLOCK, ChainServiceSettings.defaults())) {
                service.start();
                service.submitBlock(main.get(0));
                interruptOn[0] = id(main.get(1));
                AtomicReference<Throwable> thrown = new AtomicReference<>();
                Thread submitting = Thread.ofVirtual().unstarted(() -> {
                    try {
                        service.submitBlock(main.get(1));
                    } catch (RuntimeException e) {
                        thrown.set(e);
                    }
                });
                caller.set(submitting);
                submitting.start();
                submitting.join();
                assertThat(thrown.get()).isInstanceOf(ChainUnavailableException.class)
                        .hasMessageContaining("interrupted while waiting for the import");

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!service.status().tipId().equals(id(main.get(1)))) {
                    assertThat(System.nanoTime()).as("the interrupted caller's block connected").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(service.submitBlock(main.get(2)).outcome()).isEqualTo(Outcome.CONNECTED);
            }
            assertThat(Hash256.of(own.jdbc().queryForObject("SELECT id FROM chain_tip", byte[].class))).isEqualTo(id(main.get(2)));
            assertThat(own.accounts()).isEqualTo(BUILDER.stateAfter(main.get(2)).accounts());
        }
    }

    @Test
    void aReorganisationCutShortByAFailedWriteIsFinishedFromWhatTheDatabaseCommitted() throws Exception {
        try (NodeDatabase own = NodeDatabase.create("resume")) {
            ChainEventSink outbox = new OutboxChainEvents(new JdbcOutboxWriter(own.jdbc(), new OutboxSignal()),
                    BUILDER.params().chainId(), TestChains.CLOCK);
            Hash256[] failOn = new Hash256[1];
            ChainEventSink failing = new ChainEventSink() {
                @Override
                public void connected(Hash256 id, Block block, BigInteger work) {
                    outbox.connected(id, block, work);
                }

                @Override
                public void disconnected(Hash256 id, Block block, BigInteger workAfter) {
                    outbox.disconnected(id, block, workAfter);
                    if (id.equals(failOn[0])) {
                        failOn[0] = null;
                        throw new IllegalStateException("injected failure disconnecting " + id);
                    }
                }
            };
            List<Block> main = BUILDER.extend(BUILDER.genesis(), 5, 3);
            Block s4 = BUILDER.child(main.get(2)).coinbaseMemo("resume side").build();
            Block s5 = BUILDER.child(s4).coinbaseMemo("resume side").build();
            Block s6 = BUILDER.child(s5).coinbaseMemo("resume side").build();
            try (NodeChainService service = new NodeChainService(BUILDER.params(), own.jdbc(), own.transactions(), own.blockFiles(), failing,
                    TestChains.CLOCK, ChainServiceSettings.defaults())) {
                service.start();
                for (Block block : List.of(main.get(0), main.get(1), main.get(2), main.get(3), main.get(4), s4, s5)) {
                    service.submitBlock(block);
                }
                failOn[0] = id(main.get(3));  // the second of two disconnects fails and rolls back
                assertThatThrownBy(() -> service.submitBlock(s6)).isInstanceOf(ChainUnavailableException.class)
                        .hasMessageContaining("injected");

                // The service reloaded what was committed (the first disconnect) and finished the reorganisation.
                assertThat(service.status().tipId()).isEqualTo(id(s6));
            }
            assertThat(own.accounts()).isEqualTo(BUILDER.stateAfter(s6).accounts());
            assertThat(own.immatureRewards()).isEqualTo(BUILDER.stateAfter(s6).immatureRewards());
            List<Block> active = List.of(BUILDER.genesis(), main.get(0), main.get(1), main.get(2), s4, s5, s6);
            assertThat(own.jdbc().queryForList("SELECT txid FROM chain_transactions", byte[].class).stream().map(Hash256::of).toList())
                    .as("the transaction index holds the active chain's transactions: the disconnected blocks' rows are gone")
                    .containsExactlyInAnyOrderElementsOf(active.stream()
                            .flatMap(b -> b.transactions().stream().map(TransactionCodec::txid)).toList());
            List<String> published = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            for (OutboxRow row : new OutboxTable(own.jdbc(), own.blockFiles()).oldest(1_000, Long.MAX_VALUE)) {  // events as the relay publishes them
                ChainEvent event = ChainEventCodec.decode(row.payload());
                published.add((event instanceof BlockConnected ? "+" : "-") + event.blockId());
                sequences.add(event.meta().sequence());
            }
            List<String> expected = new ArrayList<>(List.of("+" + BUILDER.params().genesisId()));
            main.forEach(b -> expected.add("+" + id(b)));
            expected.addAll(List.of("-" + id(main.get(4)), "-" + id(main.get(3)), "+" + id(s4), "+" + id(s5), "+" + id(s6)));
            assertThat(published).isEqualTo(expected);
            assertThat(sequences).isEqualTo(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NodeChainService newService(RecordingChainEvents sink) {
        return new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), sink, TestChains.CLOCK,
                ChainServiceSettings.defaults());
    }

    private BlockImportResult importAndCompare(NodeChainService service, Block block) {
        BlockImportResult expected = reference.importBlock(block);
        BlockImportResult actual = service.submitBlock(block);
        assertThat(actual).as("import of block at height %d", block.height()).isEqualTo(expected);
        assertThat(service.status().tipId()).isEqualTo(reference.tip());
        assertThat(db.accounts()).isEqualTo(reference.state().accounts());
        assertThat(db.immatureRewards()).isEqualTo(reference.state().immatureRewards());
        for (ChainChange change : actual.changes()) {
            expectedEvents.add((change.kind() == ChainChange.Kind.CONNECTED ? "+" : "-") + change.id());
        }
        imported.add(block);
        return actual;
    }

    private void assertStateIs(NodeChainService service, Block tip) {
        assertThat(service.status().tipId()).isEqualTo(id(tip));
        assertThat(service.status().height()).isEqualTo(tip.height());
        assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(tip).accounts());
        assertThat(db.immatureRewards()).isEqualTo(BUILDER.stateAfter(tip).immatureRewards());
        assertThat(db.accounts()).isEqualTo(reference.state().accounts());
        assertThat(StateCommitment.of(db.storedAccumulator())).isEqualTo(tip.header().stateCommitment());
        assertThat(db.recomputedAccumulator().sameSetAs(db.storedAccumulator())).isTrue();
        assertThat(db.bucketsTimesRewards().sameSetAs(db.storedAccumulator())).isTrue();
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM main_chain", Long.class)).isEqualTo(tip.height() + 1);
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM undo_data", Long.class)).isEqualTo(tip.height());
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM chain_transactions", Long.class))
                .isEqualTo(transactionsUpTo(tip));
    }

    private long transactionsUpTo(Block tip) {
        long count = 0;
        Hash256 walk = id(tip);
        while (true) {
            Hash256 current = walk;
            Block block = imported.stream().filter(b -> id(b).equals(current)).findFirst()
                    .orElse(BUILDER.genesis());
            count += block.transactions().size();
            if (block.height() == 0) {
                return count;
            }
            walk = block.header().previousId();
        }
    }

    private short statusCode(Block block) {
        return db.jdbc().queryForObject("SELECT status FROM block_index WHERE id = ?", Short.class, (Object) id(block).toArray());
    }

    private List<BlockIndexEntry> entries(NodeChainService service, Block... extra) {
        List<Block> all = new ArrayList<>(imported);
        all.addAll(List.of(extra));
        // blocks refused unstored (children of an invalid block) have no entry
        return service.readTree(tree -> all.stream().map(b -> tree.entry(id(b))).flatMap(java.util.Optional::stream).toList());
    }
}
