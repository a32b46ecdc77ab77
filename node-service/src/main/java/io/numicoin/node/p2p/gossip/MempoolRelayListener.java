package io.numicoin.node.p2p.gossip;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Relays to the transactions topic every transfer the mempool accepted ({@code numi.mempool.v1}
 * {@code Accepted} events of this node's chain). Enabled by {@code numi.p2p.mempool-relay.enabled};
 * a record that does not decode is logged and skipped. Gossip's seen-cache makes a repeat a no-op,
 * so at-least-once delivery is harmless.
 */
public final class MempoolRelayListener {

    private static final Logger log = LoggerFactory.getLogger(MempoolRelayListener.class);

    private final TransactionGossip gossip;
    private final int chainId;

    public MempoolRelayListener(TransactionGossip gossip, int chainId) {
        this.gossip = gossip;
        this.chainId = chainId;
    }

    @KafkaListener(topics = Topics.MEMPOOL, groupId = "${numi.p2p.mempool-relay.group-id:numi-node-mempool-relay}",
            properties = {
                "key.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "auto.offset.reset=earliest"
            })
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        MempoolEvent event;
        try {
            event = MempoolEventCodec.decode(record.value());
        } catch (EventDecodeException e) {
            log.warn("skipping an undecodable {} record at offset {}: {}", Topics.MEMPOOL, record.offset(), e.getMessage());
            return;
        }
        if (event instanceof MempoolEvent.Accepted accepted && accepted.meta().chainId() == chainId) {
            gossip.publish(accepted.tx()).join();
        }
    }
}
