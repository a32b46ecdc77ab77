package io.numicoin.seed.crawl;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.PeerObservationCodec;
import io.numicoin.seed.peers.PeerStore;
import io.numicoin.seed.peers.TcpAddress;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Learns addresses from {@code numi.peers.v1}: what the deployment's node saw is a lead for the
 * crawl, never a verdict (only the seed's own visits score a peer). A record that does not decode is
 * logged and skipped; another network's event stops the consumer (a misconfiguration).
 */
public final class PeerObservationListener {

    private static final Logger log = LoggerFactory.getLogger(PeerObservationListener.class);

    private final PeerStore store;
    private final int chainId;
    private final Clock clock;

    public PeerObservationListener(PeerStore store, int chainId, Clock clock) {
        this.store = store;
        this.chainId = chainId;
        this.clock = clock;
    }

    @KafkaListener(id = "numi-seed-peers", topics = Topics.PEERS, groupId = "${numi.events.group-id:numi-seed}")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        PeerObservation event;
        try {
            event = PeerObservationCodec.decode(record.value());
        } catch (EventDecodeException e) {
            log.error("undecodable peer record {}-{}@{}: {}; skipped", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (event.meta().chainId() != chainId) {
            throw new IllegalStateException(String.format(
                    "peer event of chain 0x%08x, this seed serves 0x%08x: misconfiguration", event.meta().chainId(), chainId));
        }
        learn(event);
    }

    void learn(PeerObservation event) {
        Optional<TcpAddress> parsed = TcpAddress.parse(event.address());
        if (parsed.isEmpty()) {
            return;  // a DNS name or another transport: not something a seed hands out
        }
        TcpAddress address = parsed.get();
        if (address.peerId().isEmpty() && TcpAddress.parse(event.address() + "/p2p/" + event.peerId()).isPresent()) {
            address = new TcpAddress(address.address(), Optional.of(event.peerId()));
        }
        store.learn(address, "event", clock.instant());
    }
}
