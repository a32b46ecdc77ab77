package io.numicoin.minertest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.miner.MinerApplication;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.node.NodeApplication;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.httpclient.ServiceCallException;

/**
 * End to end: a real node (in-process {@link NodeApplication} on real PostgreSQL and a real Kafka
 * broker, {@link EmptyTemplateEndpoint} for runs without the mempool; commitments come from the real proposal endpoint) and the miner application mining regtest blocks on it
 * past coinbase maturity, so the miner's state commitments cover matured rewards too; then the
 * mempool service (its runnable jar, own process) between them: a signed transfer posted to the
 * node reaches the mempool through Kafka and the miner mines it, its fee in the coinbase.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MinerNodeIT {

    private static final NetworkParams REGTEST = NetworkParams.regtest();
    private static final String MINING_TOKEN = "miner-it-mining-token-0123";
    private static final String PAYOUT = AddressFormat.encode(TestKeys.address(7), REGTEST.hrp());

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static ConfigurableApplicationContext node;
    private static JsonHttpClient nodeApi;

    @BeforeAll
    static void startNode() {
        db = TestPostgres.shared().createDatabase("miner_it");
        kafka = EmbeddedKafka.launch();
        // command-line arguments: they override the node's application.yml (default properties would not)
        node = new SpringApplicationBuilder(NodeApplication.class, EmptyTemplateEndpoint.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--numi.network=regtest",
                "--numi.events.publish=true",
                "--numi.api.mining-token=" + MINING_TOKEN,
                // p2p on loopback with a throwaway key under target/, no multicast discovery
                "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                "--numi.p2p.data-dir=target/p2p-miner-node",
                "--numi.p2p.discovery.mdns=false");
        nodeApi = JsonHttpClient.to("node", URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port")))
                .timeout(Duration.ofSeconds(10)).retries(3, Duration.ofMillis(100)).build();
    }

    /** Miners are stopped, not closed, until the end (closed before the node). */
    private static final java.util.List<ConfigurableApplicationContext> miners = new java.util.ArrayList<>();

    /** A started miner; {@code close()} stops it (its jobs and servers) without closing the context. */
    private record Miner(ConfigurableApplicationContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.stop();
        }

        <T> T getBean(Class<T> type) {
            return context.getBean(type);
        }

        org.springframework.core.env.ConfigurableEnvironment getEnvironment() {
            return context.getEnvironment();
        }
    }

    @AfterAll
    static void stopNode() {
        miners.forEach(ConfigurableApplicationContext::close);
        if (node != null) {
            node.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static Miner startMiner() {
        return startMiner(nodeApi.base());
    }

    private static Miner startMiner(URI mempool) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MinerApplication.class, MinerBesideNode.class).properties(
                "spring.config.name=" + MinerApplication.CONFIG_NAME).run(
                "--server.port=0",
                "--management.server.port=0",
                // the node on this test classpath brings JDBC and Flyway; the miner has no database
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--numi.network=regtest",
                "--numi.miner.payout-address=" + PAYOUT,
                "--numi.miner.threads=2",
                "--numi.miner.template-poll=1s",
                "--numi.upstream.node=" + nodeApi.base(),
                "--numi.upstream.mining-token=" + MINING_TOKEN,
                "--numi.upstream.mempool=" + mempool);
        miners.add(context);
        return new Miner(context);
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long nodeHeight() {
        return nodeApi.getJson("/api/v1/chain").path("height").asLong();
    }

    @Test
    @Order(1)
    void minesRegtestBlocksPastMaturityThatTheNodeAccepts() throws Exception {
        long start = nodeHeight();
        try (Miner miner = startMiner()) {
            MinerMetrics metrics = miner.getBean(MinerMetrics.class);
            await(() -> nodeHeight() >= start + 102, 240, "the node at height 102");
            // the node shows a block before its answer to the submission reaches the miner's counter
            await(() -> metrics.submissionCount(true) >= 102, 30, "the miner counting 102 accepted submissions");
            assertThat(metrics.submissionCount(false)).as("no block rejected").isZero();

            JsonNode first = nodeApi.getJson("/api/v1/blocks/height/1");
            JsonNode coinbase = nodeApi.getJson("/api/v1/transactions/" + first.path("txIds").path(0).asString());
            assertThat(coinbase.path("type").asString()).isEqualTo("coinbase");
            assertThat(coinbase.path("recipient").asString()).isEqualTo(PAYOUT);
            assertThat(coinbase.path("amount").path("units").asLong()).isEqualTo(8_888_000_000L);

            // rewards of blocks 1..(height - 100) have matured into the payout account
            JsonNode account = nodeApi.getJson("/api/v1/accounts/" + PAYOUT + "?limit=1");
            long matured = account.path("tipHeight").asLong() - 100;
            assertThat(account.path("balance").path("units").asLong()).isEqualTo(matured * 8_888_000_000L);

            JsonHttpClient management = JsonHttpClient.to("miner", URI.create("http://127.0.0.1:"
                    + miner.getEnvironment().getProperty("local.management.port"))).build();
            JsonHttpClient api = JsonHttpClient.to("miner", URI.create("http://127.0.0.1:"
                    + miner.getEnvironment().getProperty("local.server.port"))).build();
            JsonNode health = management.getJson("/actuator/health");
            assertThat(health.path("components").path("mining").path("details").path("state").asString()).isIn("MINING", "RETRYING");
            JsonNode view = api.getJson("/api/v1/miner");
            assertThat(view.path("threads").asInt()).isEqualTo(2);
            assertThat(view.path("blocksFound").asLong()).isGreaterThanOrEqualTo(102);
            // errors in the problem vocabulary every service shares
            assertThatThrownBy(() -> api.getJson("/api/v1/no-such-thing")).isInstanceOfSatisfying(ServiceCallException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.rule()).isEqualTo("NOT_FOUND");
            });
        }
    }

    /** Mature coins for key 7: blocks paying it up to height 102 (an empty-template miner). */
    private static void mineTo(long height) throws Exception {
        if (nodeHeight() >= height) {
            return;
        }
        try (Miner miner = startMiner()) {
            await(() -> nodeHeight() >= height, 240, "the node at height " + height);
        }
    }

    @Test
    @Order(2)
    void aSignedTransferPostedToTheNodeIsMinedThroughTheMempool() throws Exception {
        Optional<Path> jar = MempoolProcess.jar();
        Assumptions.assumeTrue(jar.isPresent(), "skipped: mempool-service-*-exec.jar is not on the test class path "
                + "(build with ./mvnw -pl miner-service -am install so the mempool module is packaged first)");
        mineTo(102);
        try (TestDatabase mempoolDb = TestPostgres.shared().createDatabase("miner_it_mempool");
                MempoolProcess mempool = MempoolProcess.start(jar.get(), mempoolDb.jdbcUrl(), mempoolDb.user(),
                        mempoolDb.password(), kafka.bootstrapServers(), nodeApi.base())) {
            JsonHttpClient mempoolApi = JsonHttpClient.to("mempool", mempool.base()).build();
            long height = nodeHeight();
            await(() -> {
                assertThat(mempool.alive()).as("mempool process (see target/mempool-process.log)").isTrue();
                try {
                    return mempoolApi.getJson("/api/v1/template").path("tipHeight").asLong() == height;
                } catch (ServiceCallException e) {
                    return false;
                }
            }, 180, "the mempool following the node's tip");

            long nonce = nodeApi.getJson("/api/v1/accounts/" + PAYOUT + "?limit=1").path("nonce").asLong() + 1;
            TransferTx transfer = ChainBuilder.regtest().transfer(7, TestKeys.address(8), 500_000_000L, 250_000L, nonce);
            String txid = TransactionCodec.txid(transfer).toString();
            JsonNode seen = nodeApi.postJson("/api/v1/transactions",
                    "{\"hex\":\"" + Bytes.of(TransactionCodec.encode(transfer)).toHex() + "\"}", Duration.ofSeconds(10));
            assertThat(seen.path("txid").asString()).isEqualTo(txid);
            await(() -> {
                try {
                    return "PENDING".equals(mempoolApi.getJson("/api/v1/mempool/transactions/" + txid).path("status").asString(""));
                } catch (ServiceCallException e) {
                    return false;
                }
            }, 60, "the mempool accepting the transfer from numi.tx.v1");

            try (Miner miner = startMiner(mempool.base())) {
                await(() -> {
                    try {
                        return !nodeApi.getJson("/api/v1/transactions/" + txid).path("blockId").asString("").isEmpty();
                    } catch (ServiceCallException e) {
                        return false;
                    }
                }, 180, "the transfer mined into a block");
            }
            JsonNode mined = nodeApi.getJson("/api/v1/transactions/" + txid);
            JsonNode block = nodeApi.getJson("/api/v1/blocks/" + mined.path("blockId").asString());
            JsonNode coinbase = nodeApi.getJson("/api/v1/transactions/" + block.path("txIds").path(0).asString());
            assertThat(coinbase.path("amount").path("units").asLong()).isEqualTo(8_888_000_000L + 250_000L);
            JsonNode recipient = nodeApi.getJson("/api/v1/accounts/" + AddressFormat.encode(TestKeys.address(8), REGTEST.hrp()) + "?limit=1");
            assertThat(recipient.path("balance").path("units").asLong()).isEqualTo(500_000_000L);
            assertThat(nodeApi.getJson("/api/v1/accounts/" + PAYOUT + "?limit=1").path("nonce").asLong()).isEqualTo(nonce);
            // The mempool drops the transfer once the block that includes it is connected.
            await(() -> {
                try {
                    mempoolApi.getJson("/api/v1/mempool/transactions/" + txid);
                    return false;
                } catch (ServiceCallException e) {
                    return e.status() == 404;
                }
            }, 60, "the mempool dropping the mined transfer");
        }
    }
}
