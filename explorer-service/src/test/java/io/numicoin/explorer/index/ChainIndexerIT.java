package io.numicoin.explorer.index;

import static io.numicoin.explorer.index.ChainFixture.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.ChainEvent;
import io.numicoin.explorer.index.ChainIndexer.Outcome;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read model on real PostgreSQL fed the {@code numi.chain.v1} events of real chains: reorgs of
 * depth 1 to 10 applied exactly (balances equal the protocol's state after the new tip, the result
 * equal to a rebuild from the new chain alone), replays that change nothing. No node answers here:
 * an event that made the indexer resync would fail the test.
 */
class ChainIndexerIT {

    private static List<Outcome> feed(ReadModelDatabase model, List<ChainEvent> events) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ChainEvent event : events) {
            outcomes.add(model.indexer.apply(event));
        }
        return outcomes;
    }

    /** Genesis straight into the store (what a backfill does first), then MAIN as events from sequence 1. */
    private static void followMain(ReadModelDatabase model) {
        ChainFixture.register(MAIN);
        model.store.connect(MAIN.getFirst(), ChainFixture.work(MAIN.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
        assertThat(feed(model, ChainFixture.connects(MAIN.subList(1, MAIN.size()), 1))).containsOnly(Outcome.APPLIED);
    }

    private static void assertBalancesAfter(ReadModelDatabase model, Block tip) {
        for (int key : ChainFixture.KEYS) {
            long stored = model.jdbc.query("SELECT balance FROM address_balance WHERE address = ?",
                    (rs, i) -> rs.getLong(1), TestKeys.address(key).policyHash().toArray()).stream().findFirst().orElse(0L);
            assertThat(stored).as("balance of key %d", key).isEqualTo(ChainFixture.expectedBalance(tip, TestKeys.address(key)));
        }
    }

    @ParameterizedTest(name = "reorg of depth {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aReorgIsAppliedExactlyAndEqualsARebuildOfTheNewChain(int depth) {
        List<Block> fork = ChainFixture.fork(depth);
        try (ReadModelDatabase incremental = ReadModelDatabase.withoutNode();
                ReadModelDatabase rebuilt = ReadModelDatabase.withoutNode()) {
            followMain(incremental);
            assertBalancesAfter(incremental, MAIN.getLast());

            List<ChainEvent> reorg = ChainFixture.reorg(fork, depth, MAIN.size());
            assertThat(feed(incremental, reorg)).containsOnly(Outcome.APPLIED);
            assertBalancesAfter(incremental, fork.getLast());

            List<Block> newChain = new ArrayList<>(MAIN.subList(0, MAIN.size() - depth));
            newChain.addAll(fork);
            rebuilt.store.connect(newChain.getFirst(), ChainFixture.work(newChain.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
            feed(rebuilt, ChainFixture.connects(newChain.subList(1, newChain.size()), 1));
            assertThat(incremental.activeProjection()).isEqualTo(rebuilt.activeProjection());

            Map<String, Object> row = incremental.jdbc.queryForMap("SELECT * FROM reorg");
            Block forkPoint = MAIN.get(MAIN.size() - 1 - depth);
            assertThat(row).containsEntry("depth", depth).containsEntry("closed", true)
                    .containsEntry("fork_height", forkPoint.height())
                    .containsEntry("old_tip_height", MAIN.getLast().height())
                    .containsEntry("new_tip_height", fork.getLast().height());
            assertThat((byte[]) row.get("fork_id")).isEqualTo(BlockHeaderCodec.id(forkPoint.header()).toArray());
            assertThat((byte[]) row.get("old_tip_id")).isEqualTo(ChainFixture.id(MAIN.getLast()).toArray());
            assertThat((byte[]) row.get("new_tip_id")).isEqualTo(ChainFixture.id(fork.getLast()).toArray());
            assertThat(incremental.jdbc.queryForObject("SELECT count(*) FROM block WHERE status = 'STALE'", Long.class))
                    .isEqualTo(depth);
            assertThat(incremental.store.cursor().orElseThrow().sequence()).isEqualTo(reorg.getLast().meta().sequence());
        }
    }

    @Test
    void replayedEventsChangeNothing() {
        int depth = 4;
        List<Block> fork = ChainFixture.fork(depth);
        List<ChainEvent> all = new ArrayList<>(ChainFixture.connects(MAIN.subList(1, MAIN.size()), 1));
        all.addAll(ChainFixture.reorg(fork, depth, MAIN.size()));
        try (ReadModelDatabase model = ReadModelDatabase.withoutNode()) {
            model.store.connect(MAIN.getFirst(), ChainFixture.work(MAIN.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
            assertThat(feed(model, all)).containsOnly(Outcome.APPLIED);
            String once = model.everything();

            assertThat(feed(model, all)).as("the whole stream again").containsOnly(Outcome.DUPLICATE);
            assertThat(model.everything()).isEqualTo(once);

            // at-least-once relays repeat stretches: seeded random windows of the stream, in order
            Random random = new Random(20261205L);
            for (int round = 0; round < 5; round++) {
                int from = random.nextInt(all.size());
                int to = from + 1 + random.nextInt(all.size() - from);
                assertThat(feed(model, all.subList(from, to))).containsOnly(Outcome.DUPLICATE);
            }
            assertThat(model.everything()).isEqualTo(once);
            assertBalancesAfter(model, fork.getLast());
        }
    }

    @Test
    void aReorgBackToTheOldBranchReactivatesItsBlocks() {
        int depth = 3;
        List<Block> fork = ChainFixture.fork(depth);
        List<ChainEvent> events = new ArrayList<>(ChainFixture.reorg(fork, depth, MAIN.size()));
        try (ReadModelDatabase model = ReadModelDatabase.withoutNode()) {
            followMain(model);
            feed(model, events);
            // back: the fork's blocks off, MAIN's top blocks on again (as if MAIN had grown heavier)
            long seq = events.getLast().meta().sequence() + 1;
            List<ChainEvent> back = new ArrayList<>();
            for (int i = fork.size() - 1; i >= 0; i--) {
                Block parent = i == 0 ? MAIN.get(MAIN.size() - 1 - depth) : fork.get(i - 1);
                back.add(io.numicoin.events.BlockDisconnected.of(
                        new io.numicoin.events.EventMeta(ChainFixture.CHAIN_ID, seq++, 0), ChainFixture.work(parent), fork.get(i)));
            }
            back.addAll(ChainFixture.connects(MAIN.subList(MAIN.size() - depth, MAIN.size()), seq));
            assertThat(feed(model, back)).containsOnly(Outcome.APPLIED);
            assertBalancesAfter(model, MAIN.getLast());
            assertThat(model.jdbc.queryForObject("SELECT count(*) FROM block WHERE status = 'STALE'", Long.class))
                    .isEqualTo(depth + 1);
            assertThat(model.jdbc.queryForObject("SELECT count(*) FROM reorg", Long.class)).isEqualTo(2);
        }
    }
}
