package io.numicoin.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.TopicSettings;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.mempool.MempoolSubmitClient;
import io.numicoin.support.mempool.MempoolVerdict;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The mempool service on real PostgreSQL and real Kafka: transactions from {@code numi.tx.v1} and the
 * API, blocks connected and disconnected on {@code numi.chain.v1}, events on {@code numi.mempool.v1},
 * the pool kept across a restart. Account state comes from a map behind {@link AccountSource}
 * (the node's API is the production source).
 */
class MempoolServiceIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final int CHAIN_ID = CHAIN.params().chainId();
    private static final Address BOB = TestKeys.address(90);
    private static final Map<Address, AccountState> ACCOUNTS = new ConcurrentHashMap<>();

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static KafkaProducer<byte[], byte[]> producer;

    /** The test's account source: a map the test sets as the chain moves. */
    @Configuration(proxyBeanMethods = false)
    static class TestAccounts {
        @Bean
        @Primary
        AccountSource testAccountSource() {
            return address -> ACCOUNTS.getOrDefault(address, AccountState.EMPTY);
        }
    }

    @BeforeAll
    static void infra() {
        db = TestPostgres.shared().createDatabase("mempool");
        kafka = EmbeddedKafka.launch();
        for (TopicSettings topic : List.of(Topics.CHAIN_SETTINGS, Topics.TX_SETTINGS, Topics.MEMPOOL_SETTINGS)) {
            createTopic(topic);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Creates a topic, retrying: the describe that waits for leaders can race the new topic's metadata. */
    private static void createTopic(TopicSettings topic) {
        for (int attempt = 1; ; attempt++) {
            try {
                kafka.createTopic(topic.name(), topic.partitions(), topic.configs());
                return;
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                    return;
                }
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @AfterAll
    static void close() {
        producer.close();
        kafka.close();
        db.close();
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments: they win over application.yml
        return new SpringApplicationBuilder(MempoolApplication.class, TestAccounts.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=-1", // no management context: the node's admin routes are on this classpath too
                "--numi.network=regtest");
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void send(String topic, byte[] key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static void seen(TransferTx tx, long sequence) throws Exception {
        TransactionSeen event = TransactionSeen.fromApi(new EventMeta(CHAIN_ID, sequence, 1), tx, System.currentTimeMillis());
        send(Topics.TX, TransactionSeenCodec.key(event), TransactionSeenCodec.encode(event));
    }

    private static void connected(Block block, long sequence) throws Exception {
        BlockConnected event = BlockConnected.of(new EventMeta(CHAIN_ID, sequence, 1), BigInteger.valueOf(block.height() + 1), block);
        send(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event));
    }

    private static void disconnected(Block block, long sequence) throws Exception {
        BlockDisconnected event = BlockDisconnected.of(new EventMeta(CHAIN_ID, sequence, 1), BigInteger.valueOf(block.height()), block);
        send(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event));
    }

    private static void account(int key, long balance, long nonce) {
        ACCOUNTS.put(TestKeys.address(key), new AccountState(Amount.ofUnits(balance), nonce));
    }

    private static long count(WebTestClient client) {
        return client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("count") instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void isReadyOnlyWhileKafkaAnswers() {
        try (ConfigurableApplicationContext context = start()) {
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            CompositeHealthDescriptor ready = (CompositeHealthDescriptor) health.healthForPath("readiness");
            assertThat(ready.getStatus()).isEqualTo(Status.UP);
            assertThat(ready.getComponents()).containsKeys("db", "kafka");
            kafka.stop();
            try {
                CompositeHealthDescriptor down = (CompositeHealthDescriptor) health.healthForPath("readiness");
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getComponents().get("kafka").getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getComponents().get("db").getStatus()).isEqualTo(Status.UP);
            } finally {
                kafka.start();
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> health.healthForPath("readiness").getStatus().equals(Status.UP));
        }
    }

    @Test
    void followsTransactionsAndTheChainAndKeepsThePoolAcrossARestart() throws Exception {
        account(1, 1_000_000, 0);
        account(2, 1_000_000, 0);
        account(3, 1_000_000, 0);
        Block one = CHAIN.child(CHAIN.genesis()).coinbaseTo(BOB).build();
        TransferTx fromOne = CHAIN.transfer(1, BOB, 1000, 20_000, 1);
        TransferTx fromTwo = CHAIN.transfer(2, BOB, 1000, 30_000, 1);
        TransferTx fromThree = CHAIN.transfer(3, BOB, 1000, 40_000, 1);
        Block two = CHAIN.child(one).coinbaseTo(BOB).transfers(fromOne).build();

        try (ConfigurableApplicationContext context = start()) {
            WebTestClient client = client(context);
            client.get().uri("/api/v1/template").exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("NO_TIP");

            connected(one, 0);
            seen(fromOne, 0);
            seen(fromTwo, 1);
            seen(fromOne, 2); // a replay: harmless
            await().atMost(Duration.ofSeconds(60)).until(() -> count(client) == 2);
            String one1 = AddressFormat.encode(TestKeys.address(1), CHAIN.params().hrp());
            client.get().uri("/api/v1/mempool/accounts/" + one1).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.pending").isEqualTo(1)
                    .jsonPath("$.accountNonce").isEqualTo(0)
                    .jsonPath("$.nextNonce").isEqualTo(2);
            client.get().uri("/api/v1/mempool/accounts/" + AddressFormat.encode(BOB, CHAIN.params().hrp()))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.pending").isEqualTo(0).jsonPath("$.nextNonce").doesNotExist();
            client.get().uri("/api/v1/mempool/accounts/numi1notanaddress").exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

            String hex = HexFormat.of().formatHex(TransactionCodec.encode(fromThree));
            client.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("hex", hex)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.outcome").isEqualTo("ADDED")
                    .jsonPath("$.txid").isEqualTo(TransactionCodec.txid(fromThree).toHex());
            client.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(TransactionCodec.encode(fromThree)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.outcome").isEqualTo("DUPLICATE");
            TransferTx doubleSpend = CHAIN.transfer(3, TestKeys.address(91), 1000, 40_000, 1);
            client.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("hex", HexFormat.of().formatHex(TransactionCodec.encode(doubleSpend))))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("REPLACEMENT_UNDERPAID")
                    .jsonPath("$.outcome").isEqualTo("INVALID")
                    // the problem vocabulary every service shares (the node's answers read the same)
                    .jsonPath("$.type").isEqualTo("https://numicoin.io/problems/replacement-underpaid")
                    .jsonPath("$.title").isEqualTo("Replacement underpaid")
                    .jsonPath("$.instance").isEqualTo("/api/v1/mempool/transactions");
            // the typed client other services ask for a verdict with (the node's POST /api/v1/transactions)
            MempoolSubmitClient verdicts = new MempoolSubmitClient(
                    URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")), Duration.ofSeconds(30));
            MempoolVerdict duplicate = verdicts.submit(TransactionCodec.encode(fromThree)).join();
            assertThat(duplicate.outcome()).isEqualTo(MempoolVerdict.Outcome.DUPLICATE);
            assertThat(duplicate.txid()).isEqualTo(TransactionCodec.txid(fromThree).toHex());
            MempoolVerdict refused = verdicts.submit(TransactionCodec.encode(doubleSpend)).join();
            assertThat(refused.outcome()).isEqualTo(MempoolVerdict.Outcome.INVALID);
            assertThat(refused.problem().orElseThrow()).satisfies(problem -> {
                assertThat(problem.status()).isEqualTo(422);
                assertThat(problem.rule()).isEqualTo("REPLACEMENT_UNDERPAID");
                assertThat(problem.extra()).containsEntry("outcome", "INVALID")
                        .containsEntry("txid", TransactionCodec.txid(doubleSpend).toHex());
            });
            client.get().uri("/api/v1/no-such-thing").exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("NOT_FOUND")
                    .jsonPath("$.type").isEqualTo("https://numicoin.io/problems/not-found");
            client.delete().uri("/api/v1/mempool").exchange().expectStatus().isEqualTo(405)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.rule").isEqualTo("METHOD_NOT_ALLOWED");

            // the pool took transfers before it learned the tip (block one, applied through a resync): wait for it
            await().atMost(Duration.ofSeconds(60)).until(() -> client.get().uri("/api/v1/template").exchange()
                    .returnResult(String.class).getStatus().value() == 200);
            client.get().uri("/api/v1/template?maxTransactions=2").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.tipHeight").isEqualTo(1)
                    .jsonPath("$.height").isEqualTo(2)
                    .jsonPath("$.count").isEqualTo(2)
                    .jsonPath("$.totalFees.units").isEqualTo(70_000)
                    .jsonPath("$.totalFees.numi").isEqualTo("0.00070000")
                    .jsonPath("$.chainId").isEqualTo(String.format("%08x", CHAIN_ID))
                    .jsonPath("$.transactions[0].fee.units").isEqualTo(40_000)
                    .jsonPath("$.transactions[0].txid").isEqualTo(TransactionCodec.txid(fromThree).toHex())
                    .jsonPath("$.transactions[1].txid").isEqualTo(TransactionCodec.txid(fromTwo).toHex());
            client.get().uri("/api/v1/fees/estimate?blocks=2").exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.rule").isEqualTo("INVALID_PARAMETER");
            client.get().uri("/api/v1/fees/estimate?blocks=1").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.feeRate").isEqualTo(1000).jsonPath("$.basis").isEqualTo("MINIMUM");

            // block 2 includes key 1's transfer
            account(1, 979_000, 1);
            connected(two, 1);
            String oneTxid = TransactionCodec.txid(fromOne).toHex();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(client) == 2);
            // no longer pending, and the pool says why: block 2 took it
            client.get().uri("/api/v1/mempool/transactions/" + oneTxid).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.rule").isEqualTo("REMOVED")
                    .jsonPath("$.reason").isEqualTo("INCLUDED_IN_BLOCK").jsonPath("$.tipHeight").isEqualTo(2)
                    .jsonPath("$.removedAt").isNotEmpty();
            client.get().uri("/api/v1/mempool/transactions/" + "ee".repeat(32)).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.rule").isEqualTo("UNKNOWN_TRANSACTION");
            connected(two, 1); // a replay of the same event: skipped
            // a reorganisation takes block 2 off: its transfer comes back
            account(1, 1_000_000, 0);
            disconnected(two, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(client) == 3);
            client.get().uri("/api/v1/mempool/transactions/" + oneTxid).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.nonce").isEqualTo(1);
            client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.tipHeight").isEqualTo(1).jsonPath("$.minFeeRate").isEqualTo(1000);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("numi.mempool.offered").tag("reason", "REPLACEMENT_UNDERPAID").counter().count()).isEqualTo(2);
            assertThat(meters.get("numi.mempool.offered").tag("outcome", "DUPLICATE").counter().count()).isGreaterThanOrEqualTo(2);
            assertThat(meters.get("numi.mempool.removed").tag("reason", "INCLUDED_IN_BLOCK").counter().count()).isEqualTo(1);
            assertThat(meters.get("numi.mempool.transactions").gauge().value()).isEqualTo(3);
            // key 1 signed several transfers: its public key was expanded once and kept
            assertThat(meters.get("numi.mempool.signature_keys").tag("expanded", "now").functionCounter().count()).isPositive();
            assertThat(meters.get("numi.mempool.signature_keys").tag("expanded", "cached").functionCounter().count()).isPositive();
        }

        List<MempoolEvent> events = mempoolEvents(5);
        assertThat(events).filteredOn(e -> e instanceof MempoolEvent.Removed r
                && r.reason() == MempoolEvent.RemovalReason.INCLUDED_IN_BLOCK)
                .extracting(MempoolEvent::txid).containsExactly(TransactionCodec.txid(fromOne));
        assertThat(events).filteredOn(e -> e instanceof MempoolEvent.Accepted)
                .extracting(MempoolEvent::txid).contains(TransactionCodec.txid(fromTwo), TransactionCodec.txid(fromThree));

        try (ConfigurableApplicationContext restarted = start()) {
            WebTestClient client = client(restarted);
            assertThat(count(client)).isEqualTo(3);
            client.get().uri("/api/v1/template").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.tipHeight").isEqualTo(1).jsonPath("$.count").isEqualTo(3);
        }
    }

    private static List<MempoolEvent> mempoolEvents(int atLeast) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<MempoolEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMPOOL));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(1000));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    events.add(MempoolEventCodec.decode(record.value()));
                }
                if (events.size() >= atLeast && records.isEmpty()) {
                    break;
                }
            }
        }
        return events;
    }
}
