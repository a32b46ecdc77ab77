package io.numicoin.node.chain;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.RecordingChainEvents;
import io.numicoin.node.TestChains;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.InMemoryChain;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reorganisation deeper than the coinbase maturity (105 blocks) through the node's importer on
 * real PostgreSQL: every block of the old branch is disconnected with its undo data, the new branch
 * connected, the state equals the in-memory chain's, and a restart finds the same tip and state.
 * And a database that holds another network's genesis is refused.
 */
class DeepReorgIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final int OLD_BRANCH = 105;

    @Test
    void aReorganisationOf105BlocksDisconnectsEveryOldBlockAndSurvivesARestart() {
        List<Block> funded = TestChains.funded(BUILDER, 1);
        Block fork = funded.getLast();
        List<Block> old = branch(fork, OLD_BRANCH, "old", 2);
        List<Block> rival = branch(fork, OLD_BRANCH + 1, "rival", 3);
        InMemoryChain reference = new InMemoryChain(BUILDER.params());

        try (NodeDatabase db = NodeDatabase.create("deepreorg")) {
            RecordingChainEvents events = new RecordingChainEvents();
            try (NodeChainService service = new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), events,
                    TestChains.CLOCK, ChainServiceSettings.defaults())) {
                service.start();
                for (Block block : concat(funded, old)) {
                    assertThat(importBoth(service, reference, block).outcome()).isEqualTo(Outcome.CONNECTED);
                }
                assertState(db, service, old.getLast());

                for (Block block : rival.subList(0, OLD_BRANCH)) {
                    assertThat(importBoth(service, reference, block).outcome()).isEqualTo(Outcome.SIDE_BRANCH);
                }
                assertState(db, service, old.getLast());
                int before = events.events().size();

                BlockImportResult reorg = importBoth(service, reference, rival.getLast());

                assertThat(reorg.outcome()).isEqualTo(Outcome.CONNECTED);
                assertThat(reorg.reorgDepth()).isEqualTo(OLD_BRANCH);
                List<String> changes = events.events().subList(before, events.events().size());
                assertThat(changes.stream().filter(e -> e.startsWith("-")).count()).isEqualTo(OLD_BRANCH);
                assertThat(changes.stream().filter(e -> e.startsWith("+")).count()).isEqualTo(OLD_BRANCH + 1);
                assertState(db, service, rival.getLast());
                assertThat(db.accounts()).isEqualTo(reference.state().accounts());
                assertThat(db.accounts()).doesNotContainKey(TestKeys.address(2)).containsKey(TestKeys.address(3));
            }
            try (NodeChainService restarted = db.chainService(BUILDER.params())) {
                restarted.start();
                assertState(db, restarted, rival.getLast());
            }
        }
    }

    @Test
    void aDatabaseHoldingAnotherNetworksGenesisIsRefused() {
        try (NodeDatabase db = NodeDatabase.create("othergenesis")) {
            db.connectAll(BUILDER.params(), BUILDER.extend(BUILDER.genesis(), 2, 1));
            try (NodeChainService testnet = db.chainService(NetworkParams.testnet())) {
                assertThatThrownBy(testnet::start).hasStackTraceContaining(BUILDER.params().genesisId().toString())
                        .hasStackTraceContaining(NetworkParams.testnet().genesisId().toString())
                        .hasStackTraceContaining("point the node at its own database");
            }
        }
    }

    /** {@code count} blocks on {@code parent}; the first pays 10 NUMI from key 1 to {@code payee}. */
    private static List<Block> branch(Block parent, int count, String memo, int payee) {
        List<Block> blocks = new ArrayList<>();
        Block first = BUILDER.child(parent).coinbaseMemo(memo)
                .transfers(BUILDER.transfer(1, TestKeys.address(payee), 1_000_000_000L, 10_000, 1)).build();
        blocks.add(first);
        while (blocks.size() < count) {
            blocks.add(BUILDER.child(blocks.getLast()).coinbaseMemo(memo).build());
        }
        return blocks;
    }

    private static BlockImportResult importBoth(NodeChainService service, InMemoryChain reference, Block block) {
        BlockImportResult expected = reference.importBlock(block);
        BlockImportResult actual = service.submitBlock(block);
        assertThat(actual).as("import of block at height %d", block.height()).isEqualTo(expected);
        return actual;
    }

    private static void assertState(NodeDatabase db, NodeChainService service, Block tip) {
        assertThat(service.status().tipId()).isEqualTo(id(tip));
        assertThat(service.status().height()).isEqualTo(tip.height());
        assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(tip).accounts());
        assertThat(db.immatureRewards()).isEqualTo(BUILDER.stateAfter(tip).immatureRewards());
        assertThat(StateCommitment.of(db.storedAccumulator())).isEqualTo(tip.header().stateCommitment());
        assertThat(db.recomputedAccumulator().sameSetAs(db.storedAccumulator())).isTrue();
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM main_chain", Long.class)).isEqualTo(tip.height() + 1);
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM undo_data", Long.class)).isEqualTo(tip.height());
    }

    private static List<Block> concat(List<Block> a, List<Block> b) {
        List<Block> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
