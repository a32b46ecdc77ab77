package io.numicoin.node.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
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
 *
 * <p>Sequence numbers come from a {@link StreamSequence} (they continue across restarts) and the
 * last {@code replaySize} events are kept, so an SSE client that reconnects with
 * {@code Last-Event-ID} gets what it missed ({@link #resume}); when its id is older than what is
 * kept (or from before a restart that lost events, or unknown) it gets a {@link NodeEvent.Reset}
 * first instead: resync from the API. At most {@code maxClients} SSE clients at once.
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
    private final AtomicInteger clients = new AtomicInteger();
    private final int maxClients;
    private final int replaySize;
    private final ArrayDeque<SequencedEvent> replay;  // under this
    private final StreamSequence sequence;  // under this
    private int pendingDisconnects;

    /** A bus numbering from 1 in memory, keeping 1,024 events for resumes, with no client cap. */
    public ChainEventBus(int bufferSize, MeterRegistry meters) {
        this(bufferSize, 1024, Integer.MAX_VALUE, StreamSequence.inMemory(), meters);
    }

    public ChainEventBus(int bufferSize, int replaySize, int maxClients, StreamSequence sequence, MeterRegistry meters) {
        if (bufferSize < 1 || replaySize < 1 || maxClients < 1) {
            throw new IllegalArgumentException("buffer, replay and client cap must be positive: " + bufferSize + ", "
                    + replaySize + ", " + maxClients);
        }
        this.bufferSize = bufferSize;
        this.replaySize = replaySize;
        this.maxClients = maxClients;
        this.replay = new ArrayDeque<>(Math.min(replaySize, 4096));
        this.sequence = sequence;
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

    /**
     * An SSE client's events: after {@code lastEventId} (what it missed, from the kept events) or,
     * without one, from now on; a {@link NodeEvent.Reset} first when the missed events are not all
     * kept. Empty when {@code maxClients} clients are connected already; the slot is freed when the
     * returned flux ends or is cancelled.
     */
    public Optional<Flux<SequencedEvent>> resume(OptionalLong lastEventId) {
        if (clients.incrementAndGet() > maxClients) {
            clients.decrementAndGet();
            return Optional.empty();
        }
        AtomicBoolean freed = new AtomicBoolean();
        Flux<SequencedEvent> events = Flux.<SequencedEvent>create(emitter -> {
            Disposable live;
            synchronized (this) {
                // Under the publishing lock: nothing is published between the catch-up and the live subscription.
                catchUp(lastEventId).forEach(emitter::next);
                live = sink.asFlux().subscribe(emitter::next, emitter::error, emitter::complete);
            }
            emitter.onDispose(live);
        }, FluxSink.OverflowStrategy.BUFFER)
                .onBackpressureBuffer(bufferSize + replaySize, overflow -> dropped.increment(), BufferOverflowStrategy.DROP_OLDEST)
                .doOnSubscribe(s -> subscribers.incrementAndGet())
                .doFinally(signal -> {
                    subscribers.decrementAndGet();
                    if (freed.compareAndSet(false, true)) {
                        clients.decrementAndGet();
                    }
                });
        return Optional.of(events);
    }

    /** SSE clients connected now. */
    public int clientCount() {
        return clients.get();
    }

    public int subscriberCount() {
        return sink.currentSubscriberCount();
    }

    /** The last sequence number handed out. */
    public synchronized long lastSequence() {
        return sequence.last();
    }

    private List<SequencedEvent> catchUp(OptionalLong lastEventId) {
        if (lastEventId.isEmpty()) {
            return List.of();
        }
        long last = lastEventId.getAsLong();
        long current = sequence.last();
        long oldestKept = replay.isEmpty() ? current + 1 : replay.peekFirst().seq();
        if (last == current) {
            return List.of();
        }
        if (last > current || last + 1 < oldestKept) {
            return List.of(new SequencedEvent(current, new NodeEvent.Reset(oldestKept)));
        }
        List<SequencedEvent> missed = new ArrayList<>();
        for (SequencedEvent kept : replay) {
            if (kept.seq() > last) {
                missed.add(kept);
            }
        }
        return missed;
    }

    private synchronized void publish(NodeEvent event) {
        // Serialised: a Sinks.Many must not be emitted to from two threads at once. Never blocks:
        // every subscriber requests without bound and buffers on its own side.
        SequencedEvent sequenced = new SequencedEvent(sequence.next(), event);
        if (replay.size() == replaySize) {
            replay.pollFirst();
        }
        replay.addLast(sequenced);
        sink.tryEmitNext(sequenced);
    }
}
