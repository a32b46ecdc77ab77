package io.numicoin.explorer.index;

import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.support.node.NodeApiException;
import io.numicoin.support.retry.Backoff;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts following the chain: an empty read model is first backfilled from the node's API (from
 * genesis up to the node's tip, retried with backoff while the node is unreachable), and only then
 * does the {@code numi.chain.v1} consumer start, so its first events (the topic's earliest retained
 * ones) are duplicates or link to the backfilled tip. A read model that has a tip starts the
 * consumer at once: a gap there is repaired by the indexer's resync. Runs on its own thread; the
 * API serves reads meanwhile.
 */
public final class ChainBootstrap {

    private static final Logger log = LoggerFactory.getLogger(ChainBootstrap.class);

    private final PostgresExplorerStore store;
    private final ChainIndexer indexer;
    private final Runnable startConsumer;
    private final Duration maxBackoff;
    private volatile boolean backfilled;

    public ChainBootstrap(PostgresExplorerStore store, ChainIndexer indexer, Runnable startConsumer, Duration maxBackoff) {
        this.store = store;
        this.indexer = indexer;
        this.startConsumer = startConsumer;
        this.maxBackoff = maxBackoff;
    }

    public Thread start() {
        return Thread.ofVirtual().name("explorer-bootstrap").start(this::run);
    }

    /** Whether the read model had a tip or the initial backfill finished. */
    public boolean backfilled() {
        return backfilled;
    }

    private void run() {
        if (store.cursor().isEmpty()) {
            Backoff backoff = new Backoff(Duration.ofMillis(200), maxBackoff);
            while (true) {
                try {
                    indexer.resync();
                    break;
                } catch (NodeApiException e) {
                    Duration delay = backoff.failed();
                    log.warn("backfill from the node failed ({} in a row): {}; again in {}", backoff.failures(),
                            e.getMessage(), delay);
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        backfilled = true;
        startConsumer.run();
    }
}
