package io.numicoin.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.numicoin.node.chain.BlockImportPipeline;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
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
 * (default 5,000) blocks of {@code -Dnumi.bench.node.tx} transfers (default: as many as fill a block's
 * 2 MiB, 390) from {@code -Dnumi.bench.node.senders} (default 1,000) funded accounts. The chain is
 * streamed from its cache file (a reader thread decodes a few blocks ahead, as a node's network
 * threads would). Compares the import's transaction rate with the all-core ML-DSA verification rate
 * measured in the same run (1 s windows between segments of {@code -Dnumi.bench.node.segment} blocks,
 * default 100, the first segment and window a warm-up; only the measured segments count as import time,
 * and {@code node.import.blocks} says how many blocks they held): signature checks
 * bound the import, so the ratio says how close it gets. Also prints CPU per block — this JVM's, the
 * local PostgreSQL backends', and what the limit spends on one block's signatures — and their ratio,
 * which the machine's other load does not move. The node keeps {@code -Dnumi.bench.node.expanded-keys}
 * public keys expanded (default: the node's, 1,024; 0 = none) while the limit verifies with none, so
 * a chain of fewer senders than that imports with cached keys: {@code node.import.expanded_key_hit_ratio}
 * says how often.
 */
final class NodeImportBench implements BenchPart {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Override
    public String name() {
        return "node import";
    }

    /** The benchmark's chain and sizes, from the system properties (both node parts import the same). */
    record Chain(TransferChain.Cached cached, int blocks, int txPerBlock, int ahead, int segment, int expandedKeys) {

        /** Measured segments of the import, each compared with a window of the limit (the first segment warms up). */
        int rounds() {
            return SegmentedImport.measuredRounds(blocks, segment);
        }
    }

    /** The chain from its cache file, built (every transfer signed) when the file lacks it. */
    static Chain chain() throws Exception {
        int blocks = Integer.getInteger("numi.bench.node.blocks", 5_000);
        int txPerBlock = Integer.getInteger("numi.bench.node.tx", TransferChain.fullBlockTransfers());
        int senders = Integer.getInteger("numi.bench.node.senders", 1_000);
        int ahead = Integer.getInteger("numi.bench.node.ahead", 2);  // 0: one block at a time through submitBlock
        int segment = Integer.getInteger("numi.bench.node.segment", 100);  // blocks between two measurements of the limit
        int expandedKeys = Integer.getInteger("numi.bench.node.expanded-keys", ChainServiceSettings.DEFAULT_EXPANDED_KEYS);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        TransferChain.Cached cached;
        long buildStart = System.nanoTime();
        Path cache = Path.of("bench", "target", "node-chain-" + txPerBlock + "tx-" + senders + "senders.bin");
        try {
            cached = TransferChain.cached(cache, blocks, txPerBlock, senders, pool);
        } finally {
            pool.shutdownNow();
        }
        System.err.printf("bench node: %d + %d blocks of %d transfers ready in %.1f s (cached in %s, %d blocks; building signs every transfer)%n",
                cached.setup().size(), blocks, txPerBlock, (System.nanoTime() - buildStart) / 1e9, cache, cached.measuredInFile());
        return new Chain(cached, blocks, txPerBlock, ahead, segment, expandedKeys);
    }

    @Override
    public void run(FigureSink out) throws Exception {
        Chain chain = chain();
        int blocks = chain.blocks();
        int txPerBlock = chain.txPerBlock();
        int ahead = chain.ahead();
        int segment = chain.segment();
        int cores = Runtime.getRuntime().availableProcessors();
        int expandedKeys = chain.expandedKeys();

        // The limit is measured between segments of the import (1 s each) and averaged: on a shared
        // machine both move with the load, so they are measured under the same load, turn by turn.
        SignatureLimit signatures = SignatureLimit.prepare();
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
                try (TempBlockFiles files = new TempBlockFiles(jdbc);
                        NodeChainService service = new NodeChainService(params, jdbc, transactions, files.files(), events, CLOCK,
                        new ChainServiceSettings(Duration.ofSeconds(30), 100_000, cores,
                                ChainServiceSettings.DEFAULT_VERIFIED_TRANSFERS, expandedKeys))) {
                    service.start();
                    importAll(service, chain.cached().setup().iterator());  // warm-up: empty and funding blocks
                    List<Integer> backends = jdbc.queryForList(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class);
                    if (CpuClock.processesNanos(backends).isEmpty()) {
                        System.err.println("bench node: PostgreSQL's backends are not readable in /proc (a remote server?): no CPU figure for it");
                        backends = List.of();
                    }
                    SegmentedImport.Measured measured;
                    try (BlockFeed feed = new BlockFeed(chain.cached().measured(blocks), 4);
                            BlockImportPipeline pipeline = ahead > 0 ? new BlockImportPipeline(service, ahead) : null) {
                        SegmentedImport.Segment segments = pipeline != null
                                ? (blocksLeft, count) -> SegmentedImport.pipelined(pipeline, blocksLeft, count)
                                : (blocksLeft, count) -> oneByOne(service, blocksLeft, count);
                        measured = SegmentedImport.measure(segments, feed, segment, chain.rounds(), txPerBlock,
                                signatures, backends);
                    }
                    out.report("node.import.tx_per_block", txPerBlock, "tx");
                    measured.report(out, "node.import", txPerBlock);
                    out.report("node.import.expanded_keys", expandedKeys, "keys");
                    out.report("node.import.expanded_key_hit_ratio", service.expandedKeys().hitRatio(), "ratio");
                }
            }
        }
    }

    private static int oneByOne(NodeChainService service, Iterator<Block> feed, int count) {
        int imported = 0;
        for (; imported < count && feed.hasNext(); imported++) {
            Block block = feed.next();
            SegmentedImport.requireConnected(block, service.submitBlock(block));
        }
        return imported;
    }

    static void importAll(NodeChainService service, Iterator<Block> blocks) {
        while (blocks.hasNext()) {
            Block block = blocks.next();
            SegmentedImport.requireConnected(block, service.submitBlock(block));
        }
    }
}
