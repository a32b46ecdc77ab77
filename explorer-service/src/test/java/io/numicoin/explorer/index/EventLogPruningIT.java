package io.numicoin.explorer.index;

import static io.numicoin.explorer.index.ChainFixture.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.ChainEvent;
import io.numicoin.explorer.index.ChainIndexer.Outcome;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.protocol.block.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain event log stays bounded ({@code numi.index.event-log-retention}) on real PostgreSQL, and
 * replays keep changing nothing: those within the log by their row, older ones by their effect. No
 * node answers: a replay that made the indexer resync would fail the test.
 */
class EventLogPruningIT {

    private static final long RETENTION = 20;

    @Test
    void theLogKeepsTheNewestEventsAndReplaysStillChangeNothing() {
        int depth = 3;
        List<Block> fork = ChainFixture.fork(depth);
        List<ChainEvent> all = new ArrayList<>(ChainFixture.connects(MAIN.subList(1, MAIN.size()), 1));
        all.addAll(ChainFixture.reorg(fork, depth, MAIN.size()));
        long last = all.getLast().meta().sequence();
        try (ReadModelDatabase model = new ReadModelDatabase("http://127.0.0.1:1", RETENTION)) {
            model.store.connect(MAIN.getFirst(), ChainFixture.work(MAIN.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
            for (ChainEvent event : all) {
                assertThat(model.indexer.apply(event)).isEqualTo(Outcome.APPLIED);
            }
            long rows = model.jdbc.queryForObject("SELECT count(*) FROM chain_event_log", Long.class);
            long oldest = model.jdbc.queryForObject("SELECT min(sequence) FROM chain_event_log", Long.class);
            // pruned every RETENTION / 10 events: at most that many more than RETENTION rows
            assertThat(rows).isLessThanOrEqualTo(RETENTION + RETENTION / 10).isGreaterThanOrEqualTo(RETENTION);
            assertThat(oldest).isGreaterThan(last - RETENTION - RETENTION / 10);
            assertThat(model.jdbc.queryForObject("SELECT max(sequence) FROM chain_event_log", Long.class)).isEqualTo(last);
            String once = model.everything();

            // the reorg's events (in the log), and old connects of blocks still active (pruned, but reflected)
            for (ChainEvent event : all.subList(all.size() - 2 * depth - 1, all.size())) {
                assertThat(model.indexer.apply(event)).isEqualTo(Outcome.DUPLICATE);
            }
            for (ChainEvent event : all.subList(0, 50)) {
                assertThat(model.indexer.apply(event)).isEqualTo(Outcome.DUPLICATE);
            }
            assertThat(model.everything()).isEqualTo(once);
        }
    }
}
