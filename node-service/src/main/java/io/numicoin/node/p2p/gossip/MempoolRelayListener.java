package io.numicoin.node.p2p.gossip;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxCheck;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Relays to the transactions topic every transfer the mempool accepted ({@code numi.mempool.v1}
 * {@code Accepted} events of this node's chain), once this node's own {@link TransactionRules} pass
 * it: peers penalise a node that gossips an invalid transfer, so the node does not take the mempool's
 * word for it, and a transfer that passes is remembered and not verified again in its block
 * ({@code VerifiedTransfers}). Enabled by {@code numi.p2p.mempool-relay.enabled}; a record that does
 * not decode, or a transfer the rules refuse, is logged and skipped. Gossip's seen-cache makes a
 * repeat a no-op, so at-least-once delivery is harmless.
 */
public final class MempoolRelayListener {

    private static final Logger log = LoggerFactory.getLogger(MempoolRelayListener.class);

    private final TransactionGossip gossip;
    private final TransactionRules rules;
    private final int chainId;

    public MempoolRelayListener(TransactionGossip gossip, TransactionRules rules, int chainId) {
        this.gossip = gossip;
        this.rules = rules;
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
            TxCheck check = rules.check(accepted.tx());
            if (!check.isValid()) {
                log.warn("not relaying transfer {} the mempool accepted ({} offset {}): this node's rules refuse it: {} {}",
                        TransactionCodec.txid(accepted.tx()), Topics.MEMPOOL, record.offset(), check.reason(), check.detail());
                return;
            }
            gossip.publish(accepted.tx()).join();
        }
    }
}
