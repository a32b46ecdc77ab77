package io.numicoin.node.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.protocol.hash.Hash256;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The node's in-process feed of what it just committed, for the live stream (SSE) and the chain
 * metrics. Publishing never blocks and never fails the caller: each subscriber has its own bounded
 * buffer, and a subscriber that falls behind loses its oldest events (counted in
 * {@code numi.stream.events.dropped}), never slowing the node or the other subscribers.
 *
 * <p>Blocks are announced with {@link #blockConnected} and {@link #blockDisconnected} once the
 * database transaction that made the change committed, in commit order ({@link AfterCommitBusSink}
 * does that for every change the chain store makes); a reorganisation is a run of disconnections
 * followed by a connection, counted in {@code numi.chain.reorgs} with its depth. Transactions seen
 * (from the API or from peers) are announced with {@link #transactionSeen} after their outbox
 * event committed.
 */
public final class ChainEventBus {

    private final Sinks.Many<SequencedEvent> sink = Sinks.many().multicast().directBestEffort();
    private final int bufferSize;
    private final Counter dropped;
    private final Counter connected;
    private final Counter disconnected;
    private final Counter reorgs;
    private final DistributionSummary reorgDepth;
    private final AtomicInteger subscribers;
    private long sequence;
    private int pendingDisconnects;

    public ChainEventBus(int bufferSize, MeterRegistry meters) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size must be positive: " + bufferSize);
        }
        this.bufferSize = bufferSize;
        this.dropped = Counter.builder("numi.stream.events.dropped")
                .description("Live-stream events dropped because a subscriber fell behind").register(meters);
        this.connected = Counter.builder("numi.chain.blocks.connected")
                .description("Blocks connected to the active chain").register(meters);
        this.disconnected = Counter.builder("numi.chain.blocks.disconnected")
                .description("Blocks disconnected from the active chain by reorganisations").register(meters);
        this.reorgs = Counter.builder("numi.chain.reorgs")
                .description("Reorganisations of the active chain").register(meters);
        this.reorgDepth = DistributionSummary.builder("numi.chain.reorg.depth").baseUnit("blocks")
                .description("Blocks disconnected per reorganisation").register(meters);
        this.subscribers = meters.gauge("numi.stream.subscribers", new AtomicInteger());
    }

    /** Announces a block that became the tip (its transaction committed). */
    public void blockConnected(Hash256 id, long height) {
        synchronized (this) {
            if (pendingDisconnects > 0) {
                reorgs.increment();
                reorgDepth.record(pendingDisconnects);
                pendingDisconnects = 0;
            }
        }
        connected.increment();
        publish(new NodeEvent.BlockConnected(id, height));
    }

    /** Announces a block taken off the tip (its transaction committed). */
    public void blockDisconnected(Hash256 id, long height) {
        synchronized (this) {
            pendingDisconnects++;
        }
        disconnected.increment();
        publish(new NodeEvent.BlockDisconnected(id, height));
    }

    /** Announces a transaction whose {@code numi.tx.v1} event committed. */
    public void transactionSeen(Hash256 txid) {
        publish(new NodeEvent.TxSeen(txid));
    }

    /** Events from now on, through a buffer of the configured size that drops the oldest when full. */
    public Flux<SequencedEvent> events() {
        return sink.asFlux()
                .onBackpressureBuffer(bufferSize, overflow -> dropped.increment(), BufferOverflowStrategy.DROP_OLDEST)
                .doOnSubscribe(s -> subscribers.incrementAndGet())
                .doFinally(signal -> subscribers.decrementAndGet());
    }

    public int subscriberCount() {
        return sink.currentSubscriberCount();
    }

    private synchronized void publish(NodeEvent event) {
        // Serialised: a Sinks.Many must not be emitted to from two threads at once. Never blocks:
        // every subscriber requests without bound and buffers on its own side.
        sink.tryEmitNext(new SequencedEvent(++sequence, event));
    }
}
