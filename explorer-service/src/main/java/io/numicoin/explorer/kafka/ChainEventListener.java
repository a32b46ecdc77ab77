package io.numicoin.explorer.kafka;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.explorer.index.ChainIndexer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds {@code numi.chain.v1} to the {@link ChainIndexer}, one consumer (one partition, total
 * order). Started by {@link io.numicoin.explorer.index.ChainBootstrap} once an empty read model is
 * backfilled. A record that does not decode is never skipped: the indexer resyncs from the node on
 * the next event (docs/events.md rule 5).
 */
public final class ChainEventListener {

    public static final String ID = "numi-explorer-chain";

    private static final Logger log = LoggerFactory.getLogger(ChainEventListener.class);

    private final ChainIndexer indexer;

    public ChainEventListener(ChainIndexer indexer) {
        this.indexer = indexer;
    }

    @KafkaListener(id = ID, topics = Topics.CHAIN, groupId = "${numi.events.group-id:numi-explorer}",
            concurrency = "1", autoStartup = "false")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            indexer.apply(ChainEventCodec.decode(record.value()));
        } catch (EventDecodeException e) {
            log.error("undecodable chain record {}-{}@{}: {}; resyncing on the next event",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            indexer.resyncOnNextEvent();
        }
    }
}
