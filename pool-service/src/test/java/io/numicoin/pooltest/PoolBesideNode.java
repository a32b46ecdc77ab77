package io.numicoin.pooltest;

import io.numicoin.minertest.MempoolProcess;
import io.numicoin.minertest.MinerBesideNode;
import io.numicoin.node.NodeApplication;
import io.numicoin.pool.PoolApplication;
import io.numicoin.pool.payout.PoolKey;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.httpclient.ServiceCallException;

/**
 * A real node (in-process {@link NodeApplication} on real PostgreSQL and an in-process Kafka broker),
 * the real mempool service following it (its runnable jar as its own process, {@link MempoolProcess},
 * as MinerNodeIT runs it) and the pool application beside them on its own database, its key a wallet
 * keystore made for the run: the pool's templates come from the mempool, its payouts go to the node
 * and through the mempool into the blocks the pool mines.
 */
final class PoolBesideNode implements AutoCloseable {

    static final String MINING_TOKEN = "pool-it-mining-token-0123";

    private final TestDatabase nodeDb;
    private final TestDatabase poolDb;
    private final TestDatabase mempoolDb;
    private final MempoolProcess mempool;
    private final EmbeddedKafka kafka;
    private final ConfigurableApplicationContext node;
    private final ConfigurableApplicationContext pool;
    final JsonHttpClient nodeApi;
    final JsonHttpClient poolApi;
    final InetSocketAddress stratum;
    final PoolKey key;

    PoolBesideNode(String... poolArgs) throws Exception {
        nodeDb = TestPostgres.shared().createDatabase("pool_it_node");
        poolDb = TestPostgres.shared().createDatabase("pool_it_pool");
        mempoolDb = TestPostgres.shared().createDatabase("pool_it_mempool");
        kafka = EmbeddedKafka.launch();
        node = new SpringApplicationBuilder(NodeApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + nodeDb.jdbcUrl(),
                "--spring.datasource.username=" + nodeDb.user(),
                "--spring.datasource.password=" + nodeDb.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--numi.network=regtest",
                "--numi.events.publish=true",
                "--numi.api.mining-token=" + MINING_TOKEN,
                "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                "--numi.p2p.data-dir=target/p2p-pool-node",
                "--numi.p2p.discovery.mdns=false");
        URI nodeBase = URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
        nodeApi = JsonHttpClient.to("node", nodeBase).timeout(Duration.ofSeconds(10)).retries(3, Duration.ofMillis(100)).build();
        Path mempoolJar = MempoolProcess.jar().orElseThrow(() -> new IllegalStateException(
                "mempool-service-*-exec.jar is not on the test class path: run the IT in the reactor (-pl pool-service -am verify)"));
        mempool = MempoolProcess.start(mempoolJar, mempoolDb.jdbcUrl(), mempoolDb.user(), mempoolDb.password(), kafka.bootstrapServers(),
                nodeBase);
        JsonHttpClient mempoolApi = JsonHttpClient.to("mempool", mempool.base()).build();
        // its own JVM, started before the pool: the pool's first jobs come from its templates
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!mempool.alive()) {
                throw new IllegalStateException("the mempool process exited (see target/mempool-process.log)");
            }
            try {
                return !mempoolApi.getJson("/api/v1/template").path("tipId").asString("").isEmpty();
            } catch (ServiceCallException e) {
                return false;
            }
        });

        Path dir = Files.createDirectories(Path.of("target/pool-it"));
        Path keystore = dir.resolve("pool-" + System.nanoTime() + ".numikey");
        Path passphrase = dir.resolve(keystore.getFileName() + ".passphrase");
        Files.writeString(passphrase, "pool-it passphrase\n", StandardCharsets.UTF_8);
        new Keystore(new SecureRandom()).generate(keystore, KeyKind.ML_DSA_65_SEED, "pool-it passphrase".toCharArray(), new KdfParams(8, 1, 1));
        key = PoolKey.unlock(keystore, "file:" + passphrase);

        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + poolDb.jdbcUrl(),
                "--spring.datasource.username=" + poolDb.user(),
                "--spring.datasource.password=" + poolDb.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--numi.network=regtest",
                "--numi.pool.keystore=" + keystore,
                "--numi.pool.passphrase-source=file:" + passphrase,
                "--numi.pool.template-poll=1s",
                "--numi.stratum.port=0",
                "--numi.upstream.node=" + nodeBase,
                "--numi.upstream.mempool=" + mempool.base(),
                "--numi.upstream.mining-token=" + MINING_TOKEN));
        args.addAll(List.of(poolArgs));
        pool = new SpringApplicationBuilder(PoolApplication.class, MinerBesideNode.class)
                .properties("spring.config.name=" + PoolApplication.CONFIG_NAME)
                .run(args.toArray(String[]::new));
        poolApi = JsonHttpClient.to("pool", URI.create("http://127.0.0.1:" + pool.getEnvironment().getProperty("local.server.port")))
                .timeout(Duration.ofSeconds(10)).build();
        stratum = new InetSocketAddress("127.0.0.1", pool.getBean(io.numicoin.pool.stratum.StratumServer.class).localPort());
    }

    <T> T poolBean(Class<T> type) {
        return pool.getBean(type);
    }

    String managementBase() {
        return "http://127.0.0.1:" + pool.getEnvironment().getProperty("local.management.port");
    }

    boolean mempoolAlive() {
        return mempool.alive();
    }

    long nodeHeight() {
        return nodeApi.getJson("/api/v1/chain").path("height").asLong();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pool.close();
        mempool.close();
        node.close();
        kafka.close();
        mempoolDb.close();
        poolDb.close();
        nodeDb.close();
    }
}
