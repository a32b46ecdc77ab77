package io.numicoin.mempool.kafka;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.mempool.service.ChainFollower;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds {@code numi.chain.v1} to the {@link ChainFollower}, one consumer (the topic has one
 * partition and a total order). A record that does not decode is never skipped silently: the
 * follower resyncs on the next event (docs/events.md rule 5).
 */
public final class ChainEventListener {

    private static final Logger log = LoggerFactory.getLogger(ChainEventListener.class);

    private final ChainFollower follower;

    public ChainEventListener(ChainFollower follower) {
        this.follower = follower;
    }

    @KafkaListener(id = "numi-mempool-chain", topics = Topics.CHAIN, groupId = "${numi.events.group-id:numi-mempool}",
            concurrency = "1")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            follower.apply(ChainEventCodec.decode(record.value()));
        } catch (EventDecodeException e) {
            log.error("undecodable chain record {}-{}@{}: {}; resyncing on the next event",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            follower.forceResync();
        }
    }
}
