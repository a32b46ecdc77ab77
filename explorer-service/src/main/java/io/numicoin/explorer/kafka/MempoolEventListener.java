package io.numicoin.explorer.kafka;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.explorer.store.PostgresMempoolStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds {@code numi.mempool.v1} to the read model's mempool table. Events are hints (rule 6); a
 * record that does not decode is logged with its position and skipped (rule 5); another network's
 * event stops the consumer (rule 2).
 */
public final class MempoolEventListener {

    private static final Logger log = LoggerFactory.getLogger(MempoolEventListener.class);

    private final PostgresMempoolStore store;
    private final int chainId;

    public MempoolEventListener(PostgresMempoolStore store, int chainId) {
        this.store = store;
        this.chainId = chainId;
    }

    @KafkaListener(id = "numi-explorer-mempool", topics = Topics.MEMPOOL, groupId = "${numi.events.group-id:numi-explorer}")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        MempoolEvent event;
        try {
            event = MempoolEventCodec.decode(record.value());
        } catch (EventDecodeException e) {
            log.error("undecodable mempool record {}-{}@{}: {}; skipped", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event.meta().chainId() != chainId) {
            throw new IllegalStateException(String.format(
                    "mempool event of chain 0x%08x, this explorer follows 0x%08x: misconfiguration", event.meta().chainId(), chainId));
        }
        switch (event) {
            case MempoolEvent.Accepted accepted -> store.accepted(accepted);
            case MempoolEvent.Removed removed -> store.removed(removed);
        }
    }
}
