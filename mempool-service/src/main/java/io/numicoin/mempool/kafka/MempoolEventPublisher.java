package io.numicoin.mempool.kafka;

import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.Removal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes pool changes on {@code numi.mempool.v1}, keyed by sender, after the change is stored.
 * Delivery is at most once per change with an idempotent producer ({@code acks=all}): a crash
 * between the database commit and the send loses the event; on start every reloaded transaction is
 * published as {@code Accepted} again, so accepted transactions are announced at least once, while a
 * lost {@code Removed} stays lost (consumers treat mempool events as hints, docs/events.md). The
 * sequence starts at the start time in microseconds and increases by one per event: increasing
 * across restarts, with gaps.
 */
public final class MempoolEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(MempoolEventPublisher.class);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final int chainId;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicLong sequence;

    public MempoolEventPublisher(KafkaTemplate<byte[], byte[]> kafka, int chainId, Clock clock, boolean enabled) {
        this.kafka = kafka;
        this.chainId = chainId;
        this.clock = clock;
        this.enabled = enabled;
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    public void accepted(PoolEntry entry, long tipHeight) {
        send(MempoolEvent.Accepted.of(meta(), entry.tx(), entry.feeRate(), tipHeight));
    }

    public void removed(List<Removal> removals) {
        for (Removal removal : removals) {
            send(new MempoolEvent.Removed(meta(), removal.entry().txid(), removal.entry().sender(), removal.reason()));
        }
    }

    private EventMeta meta() {
        return new EventMeta(chainId, sequence.getAndIncrement(), clock.millis());
    }

    private void send(MempoolEvent event) {
        if (!enabled) {
            return;
        }
        try {
            kafka.send(Topics.MEMPOOL, MempoolEventCodec.key(event), MempoolEventCodec.encode(event))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            log.warn("publishing {} {} failed: {}", event.type(), event.txid(), error.toString());
                        }
                    });
        } catch (RuntimeException e) {
            // never fails the change it announces (stored already): lost like a failed send
            log.warn("publishing {} {} failed: {}", event.type(), event.txid(), e.toString());
        }
    }
}
