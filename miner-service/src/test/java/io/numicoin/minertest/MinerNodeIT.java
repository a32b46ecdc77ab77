package io.numicoin.minertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.MinerApplication;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.miner.upstream.HttpJson;
import io.numicoin.node.NodeApplication;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * End to end: a real node (in-process {@link NodeApplication} on real PostgreSQL and a real Kafka
 * broker, plus {@link NodeTestEndpoints}) and the miner application mining regtest blocks on it
 * past coinbase maturity, so the miner's state commitments cover matured rewards too.
 */
class MinerNodeIT {

    private static final NetworkParams REGTEST = NetworkParams.regtest();
    private static final String PAYOUT = AddressFormat.encode(TestKeys.address(7), REGTEST.hrp());

    private static TestDatabase db;
    private static EmbeddedKafka kafka;
    private static ConfigurableApplicationContext node;
    private static HttpJson nodeApi;

    @BeforeAll
    static void startNode() {
        db = TestPostgres.shared().createDatabase("miner_it");
        kafka = EmbeddedKafka.launch();
        // command-line arguments: they override the node's application.yml (default properties would not)
        node = new SpringApplicationBuilder(NodeApplication.class, NodeTestEndpoints.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--numi.network=regtest",
                "--numi.events.publish=true");
        nodeApi = new HttpJson("node", URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port")),
                Duration.ofSeconds(10), 3, Duration.ofMillis(100));
    }

    @AfterAll
    static void stopNode() {
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

    private static ConfigurableApplicationContext startMiner() {
        return new SpringApplicationBuilder(MinerApplication.class, NodeManagementOnClasspath.class).properties(
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
                "--numi.upstream.mempool=" + nodeApi.base());
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long nodeHeight() {
        return nodeApi.get("/api/v1/chain").path("height").asLong();
    }

    @Test
    void minesRegtestBlocksPastMaturityThatTheNodeAccepts() throws Exception {
        try (ConfigurableApplicationContext miner = startMiner()) {
            await(() -> nodeHeight() >= 102, 240, "the node at height 102");

            MinerMetrics metrics = miner.getBean(MinerMetrics.class);
            assertThat(metrics.submissionCount(true)).isGreaterThanOrEqualTo(102);
            assertThat(metrics.submissionCount(false)).as("no block rejected").isZero();

            JsonNode first = nodeApi.get("/api/v1/blocks/height/1");
            JsonNode coinbase = nodeApi.get("/api/v1/transactions/" + first.path("txIds").path(0).asString());
            assertThat(coinbase.path("type").asString()).isEqualTo("coinbase");
            assertThat(coinbase.path("recipient").asString()).isEqualTo(PAYOUT);
            assertThat(coinbase.path("amount").path("units").asLong()).isEqualTo(8_888_000_000L);

            // rewards of blocks 1..(height - 100) have matured into the payout account
            JsonNode account = nodeApi.get("/api/v1/accounts/" + PAYOUT + "?limit=1");
            long matured = account.path("tipHeight").asLong() - 100;
            assertThat(account.path("balance").path("units").asLong()).isEqualTo(matured * 8_888_000_000L);

            HttpJson management = new HttpJson("miner", URI.create("http://127.0.0.1:"
                    + miner.getEnvironment().getProperty("local.management.port")), Duration.ofSeconds(5), 1, Duration.ofMillis(10));
            HttpJson api = new HttpJson("miner", URI.create("http://127.0.0.1:"
                    + miner.getEnvironment().getProperty("local.server.port")), Duration.ofSeconds(5), 1, Duration.ofMillis(10));
            JsonNode health = management.get("/actuator/health");
            assertThat(health.path("components").path("mining").path("details").path("state").asString()).isIn("MINING", "RETRYING");
            JsonNode view = api.get("/api/v1/miner");
            assertThat(view.path("threads").asInt()).isEqualTo(2);
            assertThat(view.path("blocksFound").asLong()).isGreaterThanOrEqualTo(102);
        }
    }
}
