package io.numicoin.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.TopicSettings;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.service.ChainFollower;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Memory, table and {@code numi.mempool.v1} cannot disagree when Kafka refuses a send (issue 11 §3):
 * the real broker is stopped under a running mempool, so its producer's sends fail for real.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MempoolPublishFailureIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final int CHAIN_ID = CHAIN.params().chainId();
    private static final Address BOB = TestKeys.address(91);
    private static final Map<Address, AccountState> ACCOUNTS = new ConcurrentHashMap<>();

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;
    private static Block tip;

    @Configuration(proxyBeanMethods = false)
    static class TestAccounts {
        @Bean
        @Primary
        AccountSource testAccountSource() {
            return address -> ACCOUNTS.getOrDefault(address, AccountState.EMPTY);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.shared().createDatabase("mempool_publish");
        kafka = EmbeddedKafka.launch();
        for (TopicSettings topic : List.of(Topics.CHAIN_SETTINGS, Topics.TX_SETTINGS, Topics.MEMPOOL_SETTINGS)) {
            kafka.createTopic(topic.name(), topic.partitions(), topic.configs());
        }
        context = new SpringApplicationBuilder(MempoolApplication.class, TestAccounts.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.producer.properties.request.timeout.ms=1000",
                "--spring.kafka.producer.properties.delivery.timeout.ms=3000",
                "--spring.kafka.producer.properties.max.block.ms=2000",
                "--numi.pool.expiry-sweep=1s",
                "--server.port=0",
                "--management.server.port=-1",
                "--numi.network=regtest");
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
        for (int key = 1; key <= 4; key++) {
            ACCOUNTS.put(TestKeys.address(key), new AccountState(Amount.ofUnits(10_000_000), 0));
        }
        tip = CHAIN.child(CHAIN.genesis()).coinbaseTo(BOB).build();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            BlockConnected event = BlockConnected.of(new EventMeta(CHAIN_ID, 1, 1), BigInteger.TWO, tip);
            producer.send(new ProducerRecord<>(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event))).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> tipHeight() == 1);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        kafka.close();
        db.close();
    }

    @Test
    @Order(1)
    void anOfferKafkaDoesNotAcknowledgeIsRefusedWith503AndKeptNowhere() throws Exception {
        TransferTx tx = CHAIN.transfer(2, BOB, 1000, 30_000, 1);
        Hash256 txid = TransactionCodec.txid(tx);
        kafka.stop();
        try {
            offer(tx).expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.rule").isEqualTo("UNAVAILABLE");
            client.get().uri("/api/v1/mempool/transactions/" + txid.toHex()).exchange().expectStatus().isNotFound();
            assertThat(storedRows(txid)).isZero();
        } finally {
            kafka.start();
        }
        // the client sends it again once Kafka is back: a fresh add, announced once
        await().atMost(Duration.ofSeconds(60)).until(() -> offer(tx).returnResult(String.class).getStatus().value() == 200);
        assertThat(storedRows(txid)).isEqualTo(1);
        assertThat(events(txid, MempoolEvent.Accepted.class, 1)).hasSize(1);
    }

    @Test
    @Order(2)
    void aRemovalWhoseEventKafkaRefusedIsPublishedOnceKafkaIsBack() throws Exception {
        TransferTx tx = CHAIN.transfer(3, BOB, 1000, 30_000, 1);
        Hash256 txid = TransactionCodec.txid(tx);
        offer(tx).expectStatus().isOk();
        Block next = CHAIN.child(tip).coinbaseTo(BOB).transfers(tx).build();
        kafka.stop();
        try {
            // the block arrives (as the chain listener would hand it over) while Kafka refuses every send
            ACCOUNTS.put(TestKeys.address(3), new AccountState(Amount.ofUnits(10_000_000 - 31_000), 1));
            context.getBean(ChainFollower.class).apply(BlockConnected.of(new EventMeta(CHAIN_ID, 2, 2), BigInteger.valueOf(3), next));
            client.get().uri("/api/v1/mempool/transactions/" + txid.toHex()).exchange().expectStatus().isNotFound();
            assertThat(storedRows(txid)).isZero();
            // the Removed's send fails (delivery timeout) while the broker is down
            await().atMost(Duration.ofSeconds(60)).until(() -> context.getBean(io.numicoin.mempool.kafka.MempoolEventPublisher.class)
                    .unpublishedCount() > 0);
        } finally {
            kafka.start();
        }
        tip = next;
        await().atMost(Duration.ofSeconds(90)).until(() -> !events(txid, MempoolEvent.Removed.class, 1).isEmpty());
    }

    private static long storedRows(Hash256 txid) {
        return new JdbcTemplate(db.dataSource()).queryForObject("SELECT count(*) FROM pending_tx WHERE txid = ?", Long.class,
                txid.toArray());
    }

    private static WebTestClient.ResponseSpec offer(TransferTx tx) {
        return client.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(tx)).exchange();
    }

    private static int tipHeight() {
        Map<?, ?> summary = client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return summary.get("tipHeight") instanceof Number n ? n.intValue() : -1;
    }

    /** The events of {@code type} about {@code txid} on {@code numi.mempool.v1}, read until {@code expected} are seen or the topic is quiet. */
    private static List<MempoolEvent> events(Hash256 txid, Class<? extends MempoolEvent> type, int expected) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<MempoolEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMPOOL));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(1000));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    MempoolEvent event = MempoolEventCodec.decode(record.value());
                    if (type.isInstance(event) && event.txid().equals(txid)) {
                        events.add(event);
                    }
                }
                if (events.size() >= expected && records.isEmpty()) {
                    break;
                }
            }
        }
        return events;
    }
}
