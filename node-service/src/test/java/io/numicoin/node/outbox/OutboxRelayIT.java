package io.numicoin.node.outbox;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.events.BlockConnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.ChainChange;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Clock;
import io.numicoin.support.kafka.PartitionReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chain events from the real chain service through the outbox and the relay to a real broker,
 * with the broker stopped while blocks (and a reorganisation) are imported: every event must
 * arrive, in order, with a gap-free sequence, and the outbox must end empty.
 */
class OutboxRelayIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static EmbeddedKafka kafka;
    private static NodeDatabase db;

    @BeforeAll
    static void infrastructure() {
        kafka = EmbeddedKafka.launch();
        db = NodeDatabase.create("relay");
    }

    @AfterAll
    static void close() {
        kafka.close();
        db.close();
    }

    @Test
    void everyChainEventArrivesInOrderAcrossABrokerOutage() throws Exception {
        OutboxSignal signal = new OutboxSignal();
        JdbcOutboxWriter writer = new JdbcOutboxWriter(db.jdbc(), signal);
        List<String> expected = new ArrayList<>(List.of("+" + BUILDER.params().genesisId()));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<Block> main = BUILDER.extend(BUILDER.genesis(), 40, 1);
        Block forkPoint = main.get(29);
        List<Block> side = new ArrayList<>();
        Block tip = forkPoint;
        for (int i = 0; i < 11; i++) {
            tip = BUILDER.child(tip).coinbaseMemo("side " + i).build();
            side.add(tip);
        }

        try (NodeChainService service = new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(),
                new OutboxChainEvents(writer, BUILDER.params().chainId(), Clock.systemUTC()), TestChains.CLOCK,
                ChainServiceSettings.defaults());
             OutboxRelay relay = new OutboxRelay(db.jdbc(), db.blockFiles(), signal, settings(), Clock.systemUTC(), meters)) {
            service.start();
            relay.start();
            importAll(service, main.subList(0, 20), expected);
            awaitOutboxEmpty(Duration.ofSeconds(30));

            kafka.stop();
            importAll(service, main.subList(20, 40), expected);
            importAll(service, side, expected);   // the side branch overtakes: a reorganisation of depth 10
            awaitFailures(meters, Duration.ofSeconds(30));
            assertThat(outboxRows()).as("events wait in the outbox while Kafka is down").isGreaterThan(0);
            assertThat(service.status().tipId()).as("the node kept validating").isEqualTo(id(side.getLast()));

            kafka.start();
            awaitOutboxEmpty(Duration.ofSeconds(60));
            assertThat(meters.get("numi.outbox.published").counter().count()).isGreaterThanOrEqualTo(expected.size());
        }

        List<ChainEvent> received = consumeChainEvents(expected.size(), Duration.ofSeconds(30));
        Map<Long, ChainEvent> bySequence = new HashMap<>();
        long highest = 0;
        for (ChainEvent event : received) {
            long sequence = event.meta().sequence();
            assertThat(sequence).as("never a gap: each event is at most one past the highest seen").isLessThanOrEqualTo(highest + 1);
            ChainEvent earlier = bySequence.putIfAbsent(sequence, event);
            if (earlier != null) {
                assertThat(label(event)).as("a duplicate repeats the same event").isEqualTo(label(earlier));
            }
            highest = Math.max(highest, sequence);
        }
        List<String> inSequence = bySequence.keySet().stream().sorted().map(s -> label(bySequence.get(s))).toList();
        assertThat(bySequence.keySet()).isEqualTo(Set.copyOf(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList()));
        assertThat(inSequence).isEqualTo(expected);
        assertThat(received.stream().map(e -> e.meta().chainId()).collect(Collectors.toSet())).containsExactly(BUILDER.params().chainId());
    }

    /**
     * A relay closed while a round waits for Kafka's acknowledgements finishes that round: stopped and
     * started again five times while 3,000 rows go out, every row reaches the topic exactly once.
     */
    @Test
    void aCleanShutdownInTheMiddleOfARoundSendsNoRowTwice() throws Exception {
        String topic = "numi.test.relay-shutdown";
        int rows = 3_000;
        OutboxSignal signal = new OutboxSignal();
        JdbcOutboxWriter writer = new JdbcOutboxWriter(db.jdbc(), signal);
        db.transactions().executeWithoutResult(status -> {
            for (int i = 0; i < rows; i++) {
                writer.append(topic, null, java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
            }
        });
        RelaySettings settings = settings(List.of(new TopicSpec(topic, 1, Map.of())));
        for (int restart = 0; restart < 5; restart++) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (OutboxRelay relay = new OutboxRelay(db.jdbc(), db.blockFiles(), signal, settings, Clock.systemUTC(), meters)) {
                relay.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (meters.get("numi.outbox.published").counter().count() == 0 && outboxRows() > 0) {
                    assertThat(System.nanoTime()).as("the relay published something within 30 s").isLessThan(deadline);
                    Thread.onSpinWait();
                }
            }   // closed right after its first acknowledged round: the next round is in flight
        }
        try (OutboxRelay relay = new OutboxRelay(db.jdbc(), db.blockFiles(), signal, settings, Clock.systemUTC(), new SimpleMeterRegistry())) {
            relay.start();
            awaitOutboxEmpty(Duration.ofSeconds(60));
        }

        Map<Integer, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consume(topic, rows, Duration.ofSeconds(30))) {
            copies.merge(java.nio.ByteBuffer.wrap(record.value()).getInt(), 1, Integer::sum);
        }
        assertThat(copies.keySet()).as("every row arrived").hasSize(rows);
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("rows sent twice across clean restarts").isEmpty();
    }

    private static void importAll(NodeChainService service, List<Block> blocks, List<String> expected) {
        for (Block block : blocks) {
            BlockImportResult result = service.submitBlock(block);
            for (ChainChange change : result.changes()) {
                expected.add((change.kind() == ChainChange.Kind.CONNECTED ? "+" : "-") + change.id());
            }
        }
    }

    private static String label(ChainEvent event) {
        return (event instanceof BlockConnected ? "+" : "-") + event.blockId();
    }

    private static RelaySettings settings() {
        return settings(Topics.all().stream().map(t -> new TopicSpec(t.name(), t.partitions(), t.configs())).toList());
    }

    private static RelaySettings settings(List<TopicSpec> topics) {
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_500);
        Map<String, Object> admin = Map.of("bootstrap.servers", kafka.bootstrapServers());
        return new RelaySettings(producer, admin, topics, 100, 16L << 20, Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(6));
    }

    private static long outboxRows() {
        return db.jdbc().queryForObject("SELECT count(*) FROM outbox", Long.class);
    }

    private static void awaitOutboxEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outboxRows() > 0) {
            assertThat(System.nanoTime()).as("outbox drained within %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitFailures(SimpleMeterRegistry meters, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (meters.get("numi.outbox.failures").counter().count() < 1) {
            assertThat(System.nanoTime()).as("the relay noticed the outage within %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<ChainEvent> consumeChainEvents(int atLeast, Duration timeout) throws Exception {
        List<ChainEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consume(Topics.CHAIN, atLeast, timeout)) {
            events.add(ChainEventCodec.decode(record.value()));
        }
        return events;
    }

    /** Every record of partition 0 of {@code topic}, from its start to its end. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int atLeast, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = PartitionReader.readAll(kafka.bootstrapServers(), topic, 0, timeout);
        assertThat(records.size()).isGreaterThanOrEqualTo(atLeast);
        return records;
    }
}
