package io.numicoin.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.PeerObservation.Outcome;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.PeerObservationCodec;
import io.numicoin.node.outbox.OutboxRelay;
import io.numicoin.node.outbox.RelaySettings;
import io.numicoin.node.outbox.TopicSpec;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Dial outcomes become numi.peers.v1 observations on a real broker, through the outbox and the relay, rate-limited per peer. */
class PeerEventsIT {

    @Test
    void successesAndFailuresReachKafkaOncePerPeerAndInterval() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.launch();
             TestPeerNode a = new TestPeerNode("ev_a", new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), true);
             TestPeerNode b = new TestPeerNode("ev_b", new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), false);
             OutboxRelay relay = new OutboxRelay(a.db.jdbc(), a.db.blockFiles(), a.outboxSignal, settings(kafka), Clock.systemUTC(), new SimpleMeterRegistry())) {
            relay.start();
            TestPeerNode gone = new TestPeerNode("ev_gone", new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), false);
            Multiaddr dead = gone.address;
            gone.close();

            a.dialer.dial(b.address);
            a.dialer.dial(dead);
            await().atMost(Duration.ofSeconds(15)).until(() -> a.book.entry(dead).map(PeerEntry::failures).orElse(0) == 1
                    && a.book.entry(b.address).flatMap(PeerEntry::lastSuccess).isPresent());
            // reconnecting within the interval publishes nothing more
            a.host.disconnect(b.host.peerId()).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> a.host.connection(b.host.peerId()).isEmpty());
            a.dialer.dial(b.address);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.book.entry(b.address).orElseThrow().successes() == 2);

            List<PeerObservation> seen = consume(kafka, 2, Duration.ofSeconds(30));
            assertThat(seen).hasSize(2);
            PeerObservation success = seen.stream().filter(o -> o.outcome() == Outcome.SUCCESS).findFirst().orElseThrow();
            assertThat(success.peerId()).isEqualTo(b.host.peerId().toBase58());
            assertThat(success.address()).isEqualTo(b.address.withoutPeerId().toString());
            assertThat(success.agent()).isEqualTo("numicoin-test/ev_b");
            assertThat(success.meta().chainId()).isEqualTo(0x7e57);
            PeerObservation failure = seen.stream().filter(o -> o.outcome() == Outcome.FAILURE).findFirst().orElseThrow();
            assertThat(failure.address()).isEqualTo(dead.withoutPeerId().toString());
            assertThat(failure.peerId()).isEqualTo(dead.peerId().orElseThrow().toBase58());
            assertThat(failure.agent()).isEmpty();
            Thread.sleep(1000);
            assertThat(consume(kafka, 3, Duration.ofSeconds(2))).hasSize(2);
        }
    }

    private static RelaySettings settings(EmbeddedKafka kafka) {
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_500);
        Map<String, Object> admin = Map.of("bootstrap.servers", kafka.bootstrapServers());
        List<TopicSpec> topics = Topics.all().stream().map(t -> new TopicSpec(t.name(), t.partitions(), t.configs())).toList();
        return new RelaySettings(producer, admin, topics, 100, 16L << 20, Duration.ofMillis(200),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(6));
    }

    private static List<PeerObservation> consume(EmbeddedKafka kafka, int wanted, Duration timeout) throws Exception {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<PeerObservation> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(Topics.PEERS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (out.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.add(PeerObservationCodec.decode(record.value()));
                }
            }
        }
        return out;
    }
}
