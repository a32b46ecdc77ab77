package io.numicoin.explorer.index;

import static io.numicoin.explorer.index.ChainFixture.MAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventMeta;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.explorer.ExplorerApplication;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.protocol.block.Block;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The explorer service (its Kafka listener, indexer and PostgreSQL read model) fed one
 * {@code numi.chain.v1} stream through a real broker: the main chain, then reorgs of depth 1 to 10
 * onto forks and back (depth 2 to 11), each followed by an at-least-once relay repeating its last
 * three events, ending on a fork. The read model ends equal to a rebuild from the final chain alone,
 * with every superseded block stale. No node answers: an event that made the indexer resync would
 * stall the stream and fail the test.
 */
class ChainStreamIT {

    /** MAIN up to the fork point of {@code fork(depth)}, then the fork. */
    private static List<Block> forkChain(int depth) {
        List<Block> fork = ChainFixture.fork(depth);
        ChainFixture.register(fork);
        List<Block> chain = new ArrayList<>(MAIN.subList(0, MAIN.size() - depth));
        chain.addAll(fork);
        return chain;
    }

    /** The events a node publishes moving its active chain from {@code from} to {@code to} (both from genesis). */
    private static List<ChainEvent> switchChain(List<Block> from, List<Block> to, long firstSequence) {
        int common = 0;
        while (common < Math.min(from.size(), to.size())
                && ChainFixture.id(from.get(common)).equals(ChainFixture.id(to.get(common)))) {
            common++;
        }
        List<ChainEvent> events = new ArrayList<>();
        long seq = firstSequence;
        for (int i = from.size() - 1; i >= common; i--) {
            events.add(BlockDisconnected.of(new EventMeta(ChainFixture.CHAIN_ID, seq++, 0), ChainFixture.work(from.get(i - 1)),
                    from.get(i)));
        }
        for (int i = common; i < to.size(); i++) {
            events.add(BlockConnected.of(new EventMeta(ChainFixture.CHAIN_ID, seq++, 0), ChainFixture.work(to.get(i)), to.get(i)));
        }
        return events;
    }

    @Test
    void reorgsOfDepthOneToTenAndReplaysThroughKafkaEqualARebuildOfTheFinalChain() {
        ChainFixture.register(MAIN);
        List<ChainEvent> stream = new ArrayList<>(ChainFixture.connects(MAIN.subList(1, MAIN.size()), 1));
        long sequence = MAIN.size();
        List<Block> current = MAIN;
        List<List<Block>> path = new ArrayList<>();
        for (int depth = 1; depth <= 10; depth++) {
            path.add(forkChain(depth));
            path.add(MAIN);
        }
        path.add(forkChain(5));
        for (List<Block> next : path) {
            List<ChainEvent> events = switchChain(current, next, sequence);
            sequence += events.size();
            stream.addAll(events);
            stream.addAll(events.subList(events.size() - 3, events.size()));  // a relay repeats what it sent
            current = next;
        }
        List<Block> finalChain = current;
        long lastSequence = sequence - 1;

        try (EmbeddedKafka kafka = EmbeddedKafka.launch();
                ReadModelDatabase incremental = ReadModelDatabase.withoutNode();
                ReadModelDatabase rebuilt = ReadModelDatabase.withoutNode()) {
            kafka.createTopic(Topics.CHAIN, 1);
            // what a backfill writes first; the service then starts its consumer at once
            incremental.store.connect(MAIN.getFirst(), ChainFixture.work(MAIN.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (ChainEvent event : stream) {
                    producer.send(new ProducerRecord<>(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event)));
                }
                producer.flush();
            }
            try (ConfigurableApplicationContext explorer = new SpringApplicationBuilder(ExplorerApplication.class).run(
                    "--spring.datasource.url=" + incremental.db.jdbcUrl(),
                    "--spring.datasource.username=" + incremental.db.user(),
                    "--spring.datasource.password=" + incremental.db.password(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--server.port=0",
                    "--management.server.port=-1",
                    "--numi.network=regtest",
                    "--numi.node.base-url=http://127.0.0.1:1",
                    "--numi.index.lag-poll=1h",
                    "--numi.events.group-id=chain-stream-it")) {
                await().atMost(Duration.ofSeconds(120)).until(() -> incremental.store.cursor()
                        .map(c -> c.sequence() == lastSequence && c.tipId().equals(ChainFixture.id(finalChain.getLast())))
                        .orElse(false));

                rebuilt.store.connect(finalChain.getFirst(), ChainFixture.work(finalChain.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
                ChainFixture.connects(finalChain.subList(1, finalChain.size()), 1).forEach(rebuilt.indexer::apply);
                assertThat(incremental.activeProjection()).isEqualTo(rebuilt.activeProjection());

                // every block the stream ever connected and the final chain does not hold is stale
                long distinct = incremental.jdbc.queryForObject("SELECT count(*) FROM block", Long.class);
                long stale = incremental.jdbc.queryForObject("SELECT count(*) FROM block WHERE status = 'STALE'", Long.class);
                assertThat(stale).isEqualTo(distinct - finalChain.size()).isPositive();
                // the switches back to the lighter MAIN leave their reorg open (its work never exceeds the old tip's),
                // so later disconnects count in it: at least the first, closed reorg of depth 1 stands alone
                assertThat(incremental.jdbc.queryForObject("SELECT depth FROM reorg ORDER BY id LIMIT 1", Integer.class))
                        .isEqualTo(1);

                WebTestClient client = WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + explorer.getEnvironment().getProperty("local.server.port")).build();
                client.get().uri("/api/v1/explorer/blocks/height/" + finalChain.getLast().height()).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(ChainFixture.id(finalChain.getLast()).toHex());
                client.get().uri("/api/v1/explorer/stale-blocks?limit=100").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.blocks.length()").isEqualTo((int) stale);
            }
        }
    }
}
