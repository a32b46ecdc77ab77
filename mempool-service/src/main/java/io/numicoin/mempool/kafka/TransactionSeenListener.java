package io.numicoin.mempool.kafka;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.mempool.service.PoolService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Offers every {@code TransactionSeen} of {@code numi.tx.v1} to the pool, with the time the node
 * received it as arrival time. Replays are harmless (DUPLICATE, or NONCE_TOO_LOW once included). A
 * record that does not decode is logged with its position and skipped (docs/events.md rule 5); an
 * event of another chain is refused and counted like any invalid transaction.
 */
public final class TransactionSeenListener {

    private static final Logger log = LoggerFactory.getLogger(TransactionSeenListener.class);

    private final PoolService service;
    private final int chainId;

    public TransactionSeenListener(PoolService service, int chainId) {
        this.service = service;
        this.chainId = chainId;
    }

    @KafkaListener(id = "numi-mempool-tx", topics = Topics.TX, groupId = "${numi.events.group-id:numi-mempool}",
            concurrency = "${numi.events.tx-consumers:2}")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        TransactionSeen seen;
        try {
            seen = TransactionSeenCodec.decode(record.value());
        } catch (EventDecodeException e) {
            log.error("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (seen.meta().chainId() != chainId) {
            log.error("skipping TransactionSeen of chain 0x{} at {}-{}@{}: this mempool follows 0x{}",
                    Integer.toHexString(seen.meta().chainId()), record.topic(), record.partition(), record.offset(),
                    Integer.toHexString(chainId));
            return;
        }
        service.offer(seen.tx(), seen.receivedAtMillis());
    }
}
