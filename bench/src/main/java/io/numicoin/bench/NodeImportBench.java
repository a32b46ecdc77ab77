package io.numicoin.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a regtest chain of signed transfers into PostgreSQL through {@link NodeChainService} (not
 * HTTP), as a publishing node does: every block with its state, undo data, indexes and outbox event
 * in one transaction (the relay to Kafka is not running). Sizes: {@code -Dnumi.bench.node.blocks}
 * (default 5,000) blocks of {@code -Dnumi.bench.node.tx} (default 20) transfers from 400 funded
 * accounts. Compares the import's transaction rate with the all-core ML-DSA verification rate
 * measured in the same run: signature checks bound the import, so the ratio says how close it gets.
 */
final class NodeImportBench implements BenchPart {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Override
    public String name() {
        return "node import";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int blocks = Integer.getInteger("numi.bench.node.blocks", 5_000);
        int txPerBlock = Integer.getInteger("numi.bench.node.tx", 20);
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        TransferChain chain;
        long buildStart = System.nanoTime();
        java.nio.file.Path cache = java.nio.file.Path.of("bench", "target", "node-chain-" + blocks + "x" + txPerBlock + ".bin");
        try {
            chain = TransferChain.cached(cache, blocks, txPerBlock, 400, pool);
        } finally {
            pool.shutdownNow();
        }
        System.err.printf("bench node: %d + %d blocks ready in %.1f s (cached in %s; building signs every transfer)%n",
                chain.setup.size(), blocks, (System.nanoTime() - buildStart) / 1e9, cache);

        double verifyRate = SignatureVerifyRate.allCoreVerifyRate(Duration.ofSeconds(3));
        NetworkParams params = NetworkParams.regtest();
        try (TestDatabase database = TestPostgres.shared().createDatabase("bench_node")) {
            System.err.println("bench node: PostgreSQL " + database.jdbcUrl() + " (TestPostgres: the server on 127.0.0.1:5432 if one"
                    + " answers, else embedded); Kafka publishing off (outbox rows written, relay not running)");
            Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.jdbcUrl());
            config.setUsername(database.user());
            config.setPassword(database.password());
            config.setMaximumPoolSize(4);
            if (!Boolean.parseBoolean(System.getProperty("numi.bench.node.sync_commit", "true"))) {
                config.setConnectionInitSql("SET synchronous_commit = off");
            }
            try (HikariDataSource pool2 = new HikariDataSource(config)) {
                JdbcTemplate jdbc = new JdbcTemplate(pool2);
                TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(pool2));
                OutboxChainEvents events = new OutboxChainEvents(new JdbcOutboxWriter(jdbc, new OutboxSignal()), params.chainId(), CLOCK);
                try (NodeChainService service = new NodeChainService(params, jdbc, transactions, events, CLOCK,
                        new NodeChainService.Settings(Duration.ofSeconds(30), 100_000, cores))) {
                    service.start();
                    importAll(service, chain.setup);  // warm-up: empty and funding blocks
                    long start = System.nanoTime();
                    importAll(service, chain.measured);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double blocksPerS = blocks / seconds;
                    double txPerS = (double) blocks * txPerBlock / seconds;
                    out.report("node.import.blocks", blocks, "blocks");
                    out.report("node.import.tx_per_block", txPerBlock, "tx");
                    out.report("node.import.blocks_per_s", blocksPerS, "per_s");
                    out.report("node.import.tx_per_s", txPerS, "per_s");
                    out.report("node.import.sig_verify_all_cores_per_s", verifyRate, "per_s");
                    out.report("node.import.over_sig_limit", txPerS / verifyRate, "ratio");
                }
            }
        }
    }

    private static void importAll(NodeChainService service, List<Block> blocks) {
        for (Block block : blocks) {
            BlockImportResult result = service.submitBlock(block);
            if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
                throw new IllegalStateException("benchmark block at height " + block.height() + " not connected: " + result);
            }
        }
    }
}
