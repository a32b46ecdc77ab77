package io.numicoin.mempool.kafka;

import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.service.PoolEvents;
import io.numicoin.mempool.pool.Removal;
import io.numicoin.protocol.hash.Hash256;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes pool changes on {@code numi.mempool.v1}, keyed by sender, with an idempotent producer
 * ({@code acks=all}; {@code max.block.ms} and {@code delivery.timeout.ms} bound every send, see
 * application.yml). An {@code Accepted} is sent while the offer's database transaction is still open
 * and waited for ({@link #acceptedAcknowledged}): no ack, no commit, and the offer is undone, so a
 * transfer is in the pool's memory and table only if Kafka has its {@code Accepted}. A
 * {@code Removed} is sent without waiting (a block or expiry has no client to answer); one that
 * fails is kept and sent again, with a new sequence, by {@link #retryUnpublished} (every pool change
 * and every expiry sweep) until Kafka takes it, unless its transaction is back in the pool by then.
 * A crash loses the removals not yet sent; on start every reloaded transaction is published as
 * {@code Accepted} again. The sequence starts at the start time in microseconds and increases by one
 * per event: increasing across restarts, with gaps.
 */
public final class MempoolEventPublisher implements PoolEvents {

    private static final Logger log = LoggerFactory.getLogger(MempoolEventPublisher.class);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final int chainId;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicLong sequence;
    private final Queue<Removal> unpublished = new ConcurrentLinkedQueue<>();

    public MempoolEventPublisher(KafkaTemplate<byte[], byte[]> kafka, int chainId, Clock clock, boolean enabled) {
        this.kafka = kafka;
        this.chainId = chainId;
        this.clock = clock;
        this.enabled = enabled;
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    /**
     * Makes the producer and reads {@code numi.mempool.v1}'s partitions now, so the first offer's
     * {@code Accepted} does not pay for both within {@code max.block.ms} (on a busy host a cold
     * producer could miss it, and that offer would be refused with 503). A failure is logged, not
     * thrown: the first send tries again.
     */
    public void warmUp() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try {
            int partitions = kafka.partitionsFor(Topics.MEMPOOL).size();
            log.info("Kafka producer ready: {} has {} partitions ({} ms)", Topics.MEMPOOL, partitions,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Kafka producer not ready for {} yet; the first offer tries again: {}", Topics.MEMPOOL, e.toString());
        }
    }

    /**
     * Sends {@code Accepted} and returns once Kafka has acknowledged it.
     *
     * @throws PublishFailedException if the send failed (the producer's timeouts bound the wait)
     */
    @Override
    public void acceptedAcknowledged(PoolEntry entry, long tipHeight) {
        if (!enabled) {
            return;
        }
        MempoolEvent event = MempoolEvent.Accepted.of(meta(), entry.tx(), entry.feeRate(), tipHeight);
        try {
            kafka.send(Topics.MEMPOOL, MempoolEventCodec.key(event), MempoolEventCodec.encode(event)).join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new PublishFailedException("publishing Accepted " + entry.txid() + " failed: " + cause, cause);
        }
    }

    /** Sends {@code Accepted} without waiting (the reload on start); a failure is logged. */
    @Override
    public void accepted(PoolEntry entry, long tipHeight) {
        MempoolEvent event = MempoolEvent.Accepted.of(meta(), entry.tx(), entry.feeRate(), tipHeight);
        send(event, error -> log.warn("publishing Accepted {} failed: {}", event.txid(), error.toString()));
    }

    /** Sends a {@code Removed} per removal; one that fails is kept for {@link #retryUnpublished}. */
    @Override
    public void removed(List<Removal> removals) {
        for (Removal removal : removals) {
            MempoolEvent event = new MempoolEvent.Removed(meta(), removal.entry().txid(), removal.entry().sender(), removal.reason());
            send(event, error -> {
                log.warn("publishing Removed {} failed, sent again later: {}", event.txid(), error.toString());
                unpublished.add(removal);
            });
        }
    }

    /** Sends again the removals whose send failed, except those whose transaction {@code inPool} says is back. */
    @Override
    public void retryUnpublished(Predicate<Hash256> inPool) {
        List<Removal> again = new ArrayList<>();
        for (Removal removal = unpublished.poll(); removal != null; removal = unpublished.poll()) {
            if (!inPool.test(removal.entry().txid())) {
                again.add(removal);
            }
        }
        removed(again);
    }

    /** How many removals wait to be sent again. */
    public int unpublishedCount() {
        return unpublished.size();
    }

    private EventMeta meta() {
        return new EventMeta(chainId, sequence.getAndIncrement(), clock.millis());
    }

    private void send(MempoolEvent event, Consumer<Throwable> onFailure) {
        if (!enabled) {
            return;
        }
        try {
            kafka.send(Topics.MEMPOOL, MempoolEventCodec.key(event), MempoolEventCodec.encode(event))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            onFailure.accept(error);
                        }
                    });
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }
}
