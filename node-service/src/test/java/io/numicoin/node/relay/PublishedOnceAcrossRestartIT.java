package io.numicoin.node.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.TransactionSeen;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.node.NodeApplication;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.p2p.TestNode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Identical submissions are written to {@code numi.tx.v1} once, also across a restart of the
 * event-source node (issue 11 §1): a real node on real PostgreSQL and Kafka, stopped and started
 * again on the same database between two submissions of the same transfer.
 */
class PublishedOnceAcrossRestartIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final long FEE = 10_000;

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.shared().createDatabase("relay_restart");
        kafka = EmbeddedKafka.launch();
        dataDir = Files.createTempDirectory("numi-relay-restart");
    }

    @AfterAll
    static void stop() {
        kafka.close();
        db.close();
    }

    @Test
    void aTransferSubmittedAgainAfterARestartIsPublishedOnce() {
        TransferTx tx = BUILDER.transfer(5, TestKeys.address(6), 777, FEE, 1);
        TransferTx marker = BUILDER.transfer(5, TestKeys.address(6), 778, FEE, 2);
        try (ConfigurableApplicationContext node = startNode()) {
            ChainService chain = node.getBean(ChainService.class);
            for (Block block : BUILDER.extend(BUILDER.genesis(), 101, 5)) {
                chain.submitBlock(block);
            }
            submit(node, tx).expectStatus().isAccepted();
            submit(node, tx).expectStatus().isAccepted();
        }
        try (ConfigurableApplicationContext node = startNode()) {
            submit(node, tx).expectStatus().isAccepted();
            submit(node, marker).expectStatus().isAccepted();
            List<Hash256> seen = txTopicUntil(TransactionCodec.txid(marker));  // the node's outbox relay drains to here
            assertThat(seen).containsExactly(TransactionCodec.txid(tx), TransactionCodec.txid(marker));
        }
        // one outbox row each: the topic's event counter moved twice
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT next - 1 FROM outbox_counter WHERE name = ?", Long.class,
                Topics.TX)).isEqualTo(2);
    }

    private static ConfigurableApplicationContext startNode() {
        List<String> args = new ArrayList<>(TestNode.arguments("relay-restart", db, kafka, true, dataDir, List.of()));
        args.add("--numi.p2p.discovery.mdns=false");
        return new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
    }

    private static WebTestClient.ResponseSpec submit(ConfigurableApplicationContext node, TransferTx tx) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(tx)).exchange();
    }

    /** The txids on numi.tx.v1, in topic order, up to and including {@code last}. */
    private static List<Hash256> txTopicUntil(Hash256 last) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-restart-it");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Hash256> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TX));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TransactionSeen event = TransactionSeenCodec.decode(record.value());
                    seen.add(event.txid());
                }
                return seen.contains(last);
            });
        }
        return seen;
    }
}
