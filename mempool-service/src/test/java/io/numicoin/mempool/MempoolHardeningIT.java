package io.numicoin.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.events.BlockConnected;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.TopicSettings;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.service.PoolService;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
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
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mempool service under stress on real PostgreSQL and Kafka: reads never block a Netty event
 * loop, the summary and template are built once per pool state, a failed store write leaves memory
 * and Kafka as they were, and a reset of the chain events' sequence (the event source failed over)
 * is followed instead of ignored.
 */
class MempoolHardeningIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final int CHAIN_ID = CHAIN.params().chainId();
    private static final Address BOB = TestKeys.address(90);
    private static final Map<Address, AccountState> ACCOUNTS = new ConcurrentHashMap<>();

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static KafkaProducer<byte[], byte[]> producer;
    private static ConfigurableApplicationContext context;
    private static WebTestClient client;

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
    static void start() throws Exception {
        db = TestPostgres.shared().createDatabase("mempool_hard");
        kafka = EmbeddedKafka.launch();
        for (TopicSettings topic : List.of(Topics.CHAIN_SETTINGS, Topics.TX_SETTINGS, Topics.MEMPOOL_SETTINGS)) {
            createTopic(topic);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        context = new SpringApplicationBuilder(MempoolApplication.class, TestAccounts.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=-1",
                "--numi.network=regtest");
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
        for (int key = 1; key <= 6; key++) {
            ACCOUNTS.put(TestKeys.address(key), new AccountState(Amount.ofUnits(10_000_000), 0));
        }
        // a tip at height 1, from an event source whose sequence is at 100
        connected(CHAIN.child(CHAIN.genesis()).coinbaseTo(BOB).build(), 100);
        await().atMost(Duration.ofSeconds(60)).until(() -> tipHeight() == 1);
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
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (producer != null) {
            producer.close();
        }
        kafka.close();
        db.close();
    }

    @Test
    void readsWaitForThePoolOffTheEventLoop() throws Exception {
        Mempool pool = context.getBean(PoolService.class).pool();
        String anAddress = AddressFormat.encode(TestKeys.address(5), CHAIN.params().hrp());
        List<String> reads = List.of("/api/v1/mempool?n=1", "/api/v1/mempool/transactions/" + "ab".repeat(32),
                "/api/v1/mempool/accounts/" + anAddress, "/api/v1/fees/estimate?blocks=3", "/api/v1/template?maxTransactions=7");
        int count = 4 * reads.size();  // more than the server has event loops
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            synchronized (pool) {  // what an offer or a block holds while it changes the pool
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        List<DumpedThread> waiting;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> holder.getState() == Thread.State.WAITING);
            for (int i = 0; i < count; i++) {
                String uri = reads.get(i % reads.size());
                answers.add(CompletableFuture.supplyAsync(() -> client.get().uri(uri).exchange().returnResult(String.class)
                        .getStatus().value(), VIRTUAL));
            }
            // Every read waits for the pool (or, as before the fix, an event loop does).
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<DumpedThread> inPool = threadsInsideMempool();
                return inPool.size() >= count || inPool.stream().anyMatch(DumpedThread::eventLoop);
            });
            waiting = threadsInsideMempool();
            // While they wait, the server still answers a request that needs no pool.
            CompletableFuture<Integer> unrelated = CompletableFuture.supplyAsync(() -> client.get().uri("/api/v1/fees/estimate?blocks=2")
                    .exchange().returnResult(String.class).getStatus().value(), VIRTUAL);
            await().atMost(Duration.ofSeconds(30)).until(unrelated::isDone);
            assertThat(unrelated.get()).isEqualTo(400);
            assertThat(answers).noneMatch(CompletableFuture::isDone);
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertThat(waiting).as("threads waiting for the pool").isNotEmpty().noneMatch(DumpedThread::eventLoop);
        for (CompletableFuture<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isIn(200, 404);
        }
    }

    private static final java.util.concurrent.Executor VIRTUAL = task -> Thread.ofVirtual().start(task);

    /** A thread of a JSON thread dump (virtual threads included): its name and whether it is a Netty event loop. */
    private record DumpedThread(String name, boolean eventLoop) {
    }

    /** Threads (platform and virtual) with a frame of {@code Mempool} on their stack: blocked on its lock while the test holds it. */
    private static List<DumpedThread> threadsInsideMempool() throws Exception {
        Path file = Files.createTempFile("threads", ".json");
        Files.delete(file);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonNode dump = JsonMapper.builder().build().readTree(Files.readString(file));
            List<DumpedThread> found = new ArrayList<>();
            for (JsonNode container : dump.path("threadDump").path("threadContainers")) {
                for (JsonNode thread : container.path("threads")) {
                    boolean inMempool = false;
                    for (JsonNode frame : thread.path("stack")) {
                        inMempool |= frame.asText().contains("io.numicoin.mempool.pool.Mempool.");
                    }
                    if (inMempool) {
                        String name = thread.path("name").asText();
                        found.add(new DumpedThread(name, name.matches(".*-(nio|epoll|kqueue)-.*")));
                    }
                }
            }
            return found;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theSummaryAndTemplateAreBuiltOncePerPoolStateNotPerCall() throws Exception {
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        offer(CHAIN.transfer(4, BOB, 1000, 25_000, 1)).expectStatus().isOk();
        double summaries = builds(meters, "summary");
        double templates = builds(meters, "template");
        for (int i = 0; i < 25; i++) {
            client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk();
            client.get().uri("/api/v1/template").exchange().expectStatus().isOk();
        }
        assertThat(builds(meters, "summary") - summaries).isLessThanOrEqualTo(1);
        assertThat(builds(meters, "template") - templates).isLessThanOrEqualTo(1);

        // a change of the pool is seen by the next call
        TransferTx next = CHAIN.transfer(4, BOB, 1000, 25_000, 2);
        offer(next).expectStatus().isOk();
        client.get().uri("/api/v1/template").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transactions[?(@.txid == '" + TransactionCodec.txid(next).toHex() + "')]").exists();
        assertThat(builds(meters, "template") - templates).isLessThanOrEqualTo(2);
    }

    @Test
    void anOfferWhoseStoreWriteFailsLeavesNoTraceInMemoryOrKafka() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        TransferTx tx = CHAIN.transfer(2, BOB, 1000, 30_000, 1);
        String txid = TransactionCodec.txid(tx).toHex();
        jdbc.execute("ALTER TABLE pending_tx RENAME TO pending_tx_away");  // PostgreSQL refuses the write mid-offer
        try {
            offer(tx).expectStatus().is5xxServerError();
            client.get().uri("/api/v1/mempool/transactions/" + txid).exchange().expectStatus().isNotFound();
        } finally {
            jdbc.execute("ALTER TABLE pending_tx_away RENAME TO pending_tx");
        }
        offer(tx).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("ADDED");  // not DUPLICATE
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_tx WHERE txid = ?", Long.class, TransactionCodec.txid(tx).toArray()))
                .isEqualTo(1);
        List<MempoolEvent> accepted = mempoolEvents(TransactionCodec.txid(tx));
        assertThat(accepted).hasSize(1);
    }

    @Test
    void aSequenceResetAfterAFailoverIsFollowed() throws Exception {
        int before = tipHeight();
        Block tip = tipBlock(before);
        // the old source went on to sequence 200; the new one starts its own numbers at 1
        Block next = CHAIN.child(tip).coinbaseTo(BOB).coinbaseMemo("after failover").build();
        connected(next, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> tipHeight() == before + 1);
        Block after = CHAIN.child(next).coinbaseTo(BOB).coinbaseMemo("and on").build();
        connected(after, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> tipHeight() == before + 2);
        connected(after, 2);  // a replay under the new numbering is still skipped
        connected(next, 1);
        client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.tipHeight").isEqualTo(before + 2);
    }

    private static final Map<Integer, Block> BLOCKS = new ConcurrentHashMap<>();

    private static Block tipBlock(int height) {
        return BLOCKS.get(height);
    }

    private static WebTestClient.ResponseSpec offer(TransferTx tx) {
        return client.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(tx)).exchange();
    }

    private static double builds(MeterRegistry meters, String view) {
        return meters.get("numi.mempool.view.builds").tag("view", view).counter().count();
    }

    private static int tipHeight() {
        Map<?, ?> summary = client.get().uri("/api/v1/mempool").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return summary.get("tipHeight") instanceof Number n ? n.intValue() : -1;
    }

    private static void connected(Block block, long sequence) throws Exception {
        BLOCKS.put((int) block.height(), block);
        BlockConnected event = BlockConnected.of(new EventMeta(CHAIN_ID, sequence, 1), BigInteger.valueOf(block.height() + 1), block);
        producer.send(new ProducerRecord<>(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event))).get();
    }

    /** The {@code Accepted} events of {@code txid} on {@code numi.mempool.v1}. */
    private static List<MempoolEvent> mempoolEvents(Hash256 txid) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<MempoolEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMPOOL));
            long deadline = System.currentTimeMillis() + 20_000;
            boolean seen = false;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(1000));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    MempoolEvent event = MempoolEventCodec.decode(record.value());
                    if (event instanceof MempoolEvent.Accepted && event.txid().equals(txid)) {
                        events.add(event);
                        seen = true;
                    }
                }
                if (seen && records.isEmpty()) {
                    break;
                }
            }
        }
        return events;
    }
}
