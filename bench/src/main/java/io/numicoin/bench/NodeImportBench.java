package io.numicoin.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.numicoin.node.chain.BlockImportPipeline;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
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
 * (default 5,000) blocks of {@code -Dnumi.bench.node.tx} transfers (default: as many as fill a block's
 * 2 MiB, 390) from {@code -Dnumi.bench.node.senders} (default 1,000) funded accounts. The chain is
 * streamed from its cache file (a reader thread decodes a few blocks ahead, as a node's network
 * threads would). Compares the import's transaction rate with the all-core ML-DSA verification rate
 * measured in the same run (mean of before and after the import): signature checks bound the
 * import, so the ratio says how close it gets.
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
        int txPerBlock = Integer.getInteger("numi.bench.node.tx", TransferChain.fullBlockTransfers());
        int senders = Integer.getInteger("numi.bench.node.senders", 1_000);
        int ahead = Integer.getInteger("numi.bench.node.ahead", 2);  // 0: one block at a time through submitBlock
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        TransferChain.Cached chain;
        long buildStart = System.nanoTime();
        Path cache = Path.of("bench", "target", "node-chain-" + txPerBlock + "tx-" + senders + "senders.bin");
        try {
            chain = TransferChain.cached(cache, blocks, txPerBlock, senders, pool);
        } finally {
            pool.shutdownNow();
        }
        System.err.printf("bench node: %d + %d blocks of %d transfers ready in %.1f s (cached in %s, %d blocks; building signs every transfer)%n",
                chain.setup().size(), blocks, txPerBlock, (System.nanoTime() - buildStart) / 1e9, cache, chain.measuredInFile());

        // Measured before and after the import, and averaged: on a shared machine the rate moves with the load.
        double verifyBefore = SignatureVerifyRate.allCoreVerifyRate(Duration.ofSeconds(3));
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
                    importAll(service, chain.setup().iterator());  // warm-up: empty and funding blocks
                    long start;
                    try (BlockFeed feed = new BlockFeed(chain.measured(blocks), 4)) {
                        start = System.nanoTime();
                        if (ahead > 0) {
                            importPipelined(service, feed, ahead);
                        } else {
                            importAll(service, feed);
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double blocksPerS = blocks / seconds;
                    double txPerS = (double) blocks * txPerBlock / seconds;
                    out.report("node.import.blocks", blocks, "blocks");
                    out.report("node.import.tx_per_block", txPerBlock, "tx");
                    out.report("node.import.blocks_per_s", blocksPerS, "per_s");
                    out.report("node.import.tx_per_s", txPerS, "per_s");
                    double verifyAfter = SignatureVerifyRate.allCoreVerifyRate(Duration.ofSeconds(3));
                    double verifyRate = (verifyBefore + verifyAfter) / 2;
                    System.err.printf("bench node: all-core ML-DSA verification %.0f /s before the import, %.0f /s after%n",
                            verifyBefore, verifyAfter);
                    out.report("node.import.sig_verify_all_cores_per_s", verifyRate, "per_s");
                    out.report("node.import.over_sig_limit", txPerS / verifyRate, "ratio");
                }
            }
        }
    }

    private static void importAll(NodeChainService service, Iterator<Block> blocks) {
        while (blocks.hasNext()) {
            Block block = blocks.next();
            requireConnected(block, service.submitBlock(block));
        }
    }

    /** Through {@link BlockImportPipeline}: the next {@code ahead} blocks' signatures are checked while one is written. */
    private static void importPipelined(NodeChainService service, Iterator<Block> blocks, int ahead) throws Exception {
        record Submitted(Block block, CompletableFuture<BlockImportResult> result) {
        }
        Deque<Submitted> waiting = new ArrayDeque<>();
        try (BlockImportPipeline pipeline = new BlockImportPipeline(service, ahead)) {
            while (blocks.hasNext()) {
                Block block = blocks.next();
                waiting.add(new Submitted(block, pipeline.submit(block)));
                while (!waiting.isEmpty() && waiting.peek().result().isDone()) {
                    Submitted done = waiting.poll();
                    requireConnected(done.block(), done.result().get());
                }
            }
            for (Submitted submitted : waiting) {
                requireConnected(submitted.block(), submitted.result().get());
            }
        }
    }

    private static void requireConnected(Block block, BlockImportResult result) {
        if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
            throw new IllegalStateException("benchmark block at height " + block.height() + " not connected: " + result);
        }
    }
}
