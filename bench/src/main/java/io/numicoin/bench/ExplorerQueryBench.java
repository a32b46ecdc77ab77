package io.numicoin.bench;

import io.numicoin.explorer.ExplorerApplication;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Block, transaction and address-history queries of the explorer's REST API under
 * {@code -Dnumi.bench.explorer.clients} (50) concurrent clients, over a read model of
 * {@code -Dnumi.bench.explorer.blocks} (100,000) blocks of 10 transactions (1,000,000) among
 * {@code -Dnumi.bench.explorer.addresses} (10,000) addresses, filled by {@link ExplorerBulkFill}.
 * The explorer is the real service ({@link ExplorerApplication}, its PostgreSQL pool, WebFlux, an
 * in-process Kafka broker it follows) on a loopback port; the clients ask for random heights,
 * transactions and addresses' newest history page. Each kind runs {@code -Dnumi.bench.explorer.seconds}
 * (10) seconds per round after a 5-second warm-up of all three, in {@code rounds} (3) interleaved
 * rounds; p50 and p99 over every answer of the kind.
 */
final class ExplorerQueryBench implements BenchPart {

    @Override
    public String name() {
        return "explorer queries";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int blocks = Integer.getInteger("numi.bench.explorer.blocks", 100_000);
        int txPerBlock = Integer.getInteger("numi.bench.explorer.tx", 9) + 1;
        int addresses = Integer.getInteger("numi.bench.explorer.addresses", 10_000);
        int clients = Integer.getInteger("numi.bench.explorer.clients", 50);
        int seconds = Integer.getInteger("numi.bench.explorer.seconds", 10);
        int rounds = Integer.getInteger("numi.bench.explorer.rounds", 3);
        NetworkParams params = NetworkParams.regtest();
        ChainBuilder builder = ChainBuilder.regtest();
        Block mined = builder.extend(builder.genesis(), 1, 1).getFirst();
        byte[] coinbaseRaw = TransactionCodec.encode(mined.transactions().getFirst());
        byte[] transferRaw = TransactionCodec.encode(builder.transfer(1, TestKeys.address(2), 1_000, 100, 1));
        try (TestDatabase db = TestPostgres.shared().createDatabase("bench_explorer_query");
                EmbeddedKafka kafka = EmbeddedKafka.launch()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/explorer").load().migrate();
            long fillStart = System.nanoTime();
            SingleConnectionDataSource single = new SingleConnectionDataSource(db.jdbcUrl(), db.user(), db.password(), true);
            try {
                ExplorerBulkFill.fill(new JdbcTemplate(single), blocks, txPerBlock, addresses, params.genesis().header().target().bits(),
                        params.genesis().header().target().work(), coinbaseRaw, transferRaw);
            } finally {
                single.destroy();
            }
            System.err.printf("bench explorer: %d blocks, %d transactions filled in %.1f s; database %s%n", blocks,
                    (long) blocks * txPerBlock, (System.nanoTime() - fillStart) / 1e9,
                    new JdbcTemplate(db.dataSource()).queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
            try (ConfigurableApplicationContext explorer = new SpringApplicationBuilder(ExplorerApplication.class).run(
                    "--spring.config.location=" + explorerConfig(),
                    "--spring.datasource.url=" + db.jdbcUrl(),
                    "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--server.port=0",
                    "--management.server.port=-1",
                    "--numi.network=regtest",
                    "--numi.node.base-url=http://127.0.0.1:1",
                    "--numi.index.lag-poll=1h")) {
                String base = "http://127.0.0.1:" + explorer.getEnvironment().getProperty("local.server.port") + "/api/v1/explorer";
                Map<String, Function<SplittableRandom, URI>> kinds = new LinkedHashMap<>();
                kinds.put("block", r -> URI.create(base + "/blocks/height/" + r.nextInt(blocks)));
                kinds.put("tx", r -> {
                    int h = 1 + r.nextInt(blocks - 1);
                    return URI.create(base + "/transactions/" + ExplorerBulkFill.txid(h, r.nextInt(txPerBlock)).toHex());
                });
                kinds.put("address_history", r -> URI.create(base + "/addresses/"
                        + AddressFormat.encode(ExplorerBulkFill.address(r.nextInt(addresses)), params.hrp()) + "/history?limit=25"));
                LatencyLoad load = new LatencyLoad();
                for (Function<SplittableRandom, URI> kind : kinds.values()) {
                    load.run(clients, Duration.ofSeconds(5), kind, 0);  // shared warm-up
                }
                Map<String, List<long[]>> samples = new LinkedHashMap<>();
                kinds.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, Function<SplittableRandom, URI>> kind : kinds.entrySet()) {
                        samples.get(kind.getKey()).add(load.run(clients, Duration.ofSeconds(seconds), kind.getValue(), round));
                    }
                }
                out.report("explorer.query.blocks", blocks, "blocks");
                out.report("explorer.query.transactions", (double) blocks * txPerBlock, "tx");
                out.report("explorer.query.clients", clients, "clients");
                for (Map.Entry<String, List<long[]>> kind : samples.entrySet()) {
                    Percentiles p = new Percentiles(kind.getValue().stream().flatMapToLong(java.util.Arrays::stream).toArray());
                    out.report("explorer." + kind.getKey() + ".p50_ms", p.at(0.50) / 1e6, "ms");
                    out.report("explorer." + kind.getKey() + ".p99_ms", p.at(0.99) / 1e6, "ms");
                    out.report("explorer." + kind.getKey() + ".requests_per_s", p.count() / (double) (seconds * rounds), "per_s");
                }
            }
            db.drop();
        }
    }

    /** The explorer's own {@code application.yml}: the bench classpath holds other services' too. */
    private static String explorerConfig() {
        try {
            URI classes = ExplorerApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            if (classes.getScheme().equals("file") && Files.isDirectory(Path.of(classes))) {
                return Path.of(classes).resolve("application.yml").toUri().toString();
            }
            return "jar:" + classes + "!/application.yml";
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
