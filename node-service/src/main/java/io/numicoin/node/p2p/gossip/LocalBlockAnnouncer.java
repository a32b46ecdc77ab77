package io.numicoin.node.p2p.gossip;

import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.bus.NodeEvent;
import io.numicoin.node.p2p.sync.LocalChain;
import io.numicoin.node.query.BlockRef;
import io.numicoin.node.query.ChainQueries;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes to the blocks topic every block that becomes the tip while the node is synced — what
 * the miner or the API submitted, and a reorganisation's new tip. Blocks connected while catching
 * up are not announced (peers fetch them by sync). A block that arrived by gossip is a duplicate
 * in the gossip seen-cache and is not sent again.
 */
public final class LocalBlockAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalBlockAnnouncer.class);

    private final Disposable subscription;
    /**
     * Its own thread, not Reactor's shared {@code boundedElastic}: a shared scheduler is disposed and
     * replaced when another application context in the same JVM starts or stops (tests, the p2p
     * bench), which silently ended the announcements of every node started before.
     */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("numi-p2p-announcer").daemon().factory());

    public LocalBlockAnnouncer(ChainEventBus bus, LocalChain chain, ChainQueries queries, BlockGossip gossip) {
        this.subscription = bus.events()
                .filter(event -> event.event() instanceof NodeEvent.BlockConnected)
                .map(event -> (NodeEvent.BlockConnected) event.event())
                .publishOn(Schedulers.fromExecutorService(thread, "numi-p2p-announcer"))
                .subscribe(connected -> announce(connected.id(), connected.height(), chain, queries, gossip),
                        failure -> log.warn("block announcements stopped", failure));
    }

    /**
     * Announces {@code id} unless the tip has already moved past its height (an intermediate block of
     * a batch). The chain's status is compared by height, not id: the event is published when the
     * block's transaction commits, before the chain service updates its status, so a quick announcer
     * may still see the previous tip (comparing ids skipped such blocks at random; they then reached
     * peers only through the 5 s status refresh).
     */
    private static void announce(Hash256 id, long height, LocalChain chain, ChainQueries queries, BlockGossip gossip) {
        try {
            if (!chain.synced() || chain.status().tipHeight() > height) {
                return;
            }
            queries.rawBlock(new BlockRef.ById(id)).map(Bytes::toArray).ifPresent(bytes -> gossip.publish(bytes)
                    .whenComplete((result, failure) -> log.debug("announced {}: {}", id, failure != null ? failure.toString() : result)));
        } catch (RuntimeException e) {
            log.debug("could not announce {}: {}", id, e.toString());
        }
    }

    @Override
    public void close() {
        subscription.dispose();
        thread.shutdownNow();
    }
}
