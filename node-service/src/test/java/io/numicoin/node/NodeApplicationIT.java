package io.numicoin.node;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.Event;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.EventCodecs;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The node as Spring Boot wires it, on real PostgreSQL and Kafka: the startup check passes on a
 * fresh database, the chain service imports, chain and tx events reach their topics, and the
 * readiness probe is UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "numi.network=regtest", "numi.events.publish=true", "numi.events.relay-poll=200ms"})
@DirtiesContext
class NodeApplicationIT {

    static final TestDatabase DB = TestPostgres.shared().createDatabase("nodeapp");
    static final EmbeddedKafka KAFKA = EmbeddedKafka.launch();
    static final ChainBuilder BUILDER = ChainBuilder.regtest();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", DB::password);
        registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET synchronous_commit = off");
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        @Primary
        Clock testClock() {
            return TestChains.CLOCK;
        }

        /**
         * Closes the broker when the context closes, after the relay (a lifecycle of a later phase)
         * has stopped; an @AfterAll would run before @DirtiesContext closes the context. The database
         * is dropped by TestPostgres when the JVM exits.
         */
        @Bean
        SmartLifecycle brokerCloser() {
            return new BrokerCloser();
        }
    }

    static final class BrokerCloser implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            KAFKA.close();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }

    @Autowired
    ChainService chain;
    @Autowired
    EventOutbox eventOutbox;
    @LocalManagementPort
    int managementPort;

    @Test
    void importsBlocksPublishesTheirEventsAndIsReady() throws Exception {
        assertThat(chain.status().height()).isZero();
        List<Block> blocks = BUILDER.extend(BUILDER.genesis(), 3, 1);
        for (Block block : blocks) {
            assertThat(chain.submitBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        }
        assertThat(chain.status().tipId()).isEqualTo(id(blocks.getLast()));
        assertThat(eventOutbox.transactionSeenFromApi(BUILDER.transfer(1, TestKeys.address(2), 1_000, 100, 1))).isPresent();

        List<Event> chainEvents = consume(Topics.CHAIN, 4);
        assertThat(chainEvents).extracting(e -> e.meta().sequence()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chainEvents.getLast()).isInstanceOfSatisfying(BlockConnected.class,
                e -> assertThat(e.blockId()).isEqualTo(id(blocks.getLast())));
        List<Event> txEvents = consume(Topics.TX, 1);
        assertThat(txEvents.getFirst()).isInstanceOfSatisfying(TransactionSeen.class,
                e -> assertThat(e.sender()).isEqualTo(TestKeys.address(1)));

        String readiness = WebClient.create("http://127.0.0.1:" + managementPort).get().uri("/actuator/health/readiness")
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        assertThat(readiness).contains("\"status\":\"UP\"").contains("chainIntegrity");
        String metrics = WebClient.create("http://127.0.0.1:" + managementPort).get().uri("/actuator/prometheus")
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        assertThat(metrics).contains("numi_outbox_lag_rows").contains("numi_outbox_published_total");
        long bodyRecords = Stream.concat(Stream.of(BUILDER.genesis()), blocks.stream())
                .mapToLong(block -> 8 + BlockCodec.encode(block).length).sum();
        assertThat(metrics).as("the block files hold genesis and the three blocks, each once")
                .containsPattern("(?m)^numi_chain_block_files_bytes(\\{[^}]*\\})? " + Pattern.quote(bodyRecords + ".0") + "$");
    }

    private static List<Event> consume(String topic, int count) throws Exception {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(EventCodecs.decode(topic, record.value()));
                }
            }
        }
        assertThat(events).hasSize(count);
        return events;
    }
}
