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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
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
 * measured in the same run (1 s before the import and after every {@code -Dnumi.bench.node.segment}
 * blocks, default 100, averaged; only the import segments count as import time): signature checks
 * bound the import, so the ratio says how close it gets. Also prints CPU per block — this JVM's, the
 * local PostgreSQL backends', and what the limit spends on one block's signatures — and their ratio,
 * which the machine's other load does not move.
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
        int segment = Integer.getInteger("numi.bench.node.segment", 100);  // blocks between two measurements of the limit
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
                try (NodeChainService service = new NodeChainService(params, jdbc, transactions, events, CLOCK,
                        new NodeChainService.Settings(Duration.ofSeconds(30), 100_000, cores))) {
                    service.start();
                    importAll(service, chain.setup().iterator());  // warm-up: empty and funding blocks
                    List<Integer> backends = jdbc.queryForList(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class);
                    Measured measured;
                    try (BlockFeed feed = new BlockFeed(chain.measured(blocks), 4)) {
                        measured = importSegments(service, feed, ahead, segment, (blocks + segment - 1) / segment, txPerBlock,
                                signatures, backends);
                    }
                    double blocksPerS = blocks / measured.seconds();
                    double txPerS = (double) blocks * txPerBlock / measured.seconds();
                    double verifyRate = measured.ratio().medianB();
                    out.report("node.import.blocks", blocks, "blocks");
                    out.report("node.import.tx_per_block", txPerBlock, "tx");
                    out.report("node.import.blocks_per_s", blocksPerS, "per_s");
                    out.report("node.import.tx_per_s", txPerS, "per_s");
                    out.report("node.import.sig_verify_all_cores_per_s", verifyRate, "per_s");
                    measured.ratio().report(out, "node.import.over_sig_limit");
                    // CPU per block, which other load on the machine does not inflate: what the ratio would be
                    // if the import kept every core busy with nothing else running.
                    double jvmMs = measured.jvmCpuNanos() / 1e6 / blocks;
                    double sigCpuMs = txPerBlock * measured.limitCpuNanosPerVerification() / 1e6;
                    out.report("node.import.jvm_cpu_ms_per_block", jvmMs, "ms");
                    out.report("node.import.sig_limit_cpu_ms_per_block", sigCpuMs, "ms");
                    if (measured.postgresCpuNanos() >= 0) {
                        double pgMs = measured.postgresCpuNanos() / 1e6 / blocks;
                        out.report("node.import.postgres_cpu_ms_per_block", pgMs, "ms");
                        out.report("node.import.over_sig_limit_cpu", sigCpuMs / (jvmMs + pgMs), "ratio");
                    } else {
                        System.err.println("bench node: PostgreSQL's backends are not readable in /proc (a remote server?): no CPU figure for it");
                    }
                }
            }
        }
    }

    /** What the segmented import measured: wall seconds importing, CPU spent, and the limit between segments. */
    private record Measured(double seconds, long jvmCpuNanos, long postgresCpuNanos, InterleavedRatio.Result ratio,
            double limitCpuNanosPerVerification) {
    }

    /**
     * Imports the feed in {@code rounds} segments of {@code segment} blocks (through {@link BlockImportPipeline}
     * when {@code ahead > 0}), interleaved with windows of the signature limit ({@link InterleavedRatio}: one
     * window before, then the order alternating); only the segments count as import time. PostgreSQL CPU is -1
     * when its backends cannot be read.
     */
    private static Measured importSegments(NodeChainService service, Iterator<Block> feed, int ahead, int segment, int rounds,
            int txPerBlock, SignatureLimit signatures, List<Integer> backends) throws Exception {
        List<SignatureVerifyRate.AllCores> limits = new ArrayList<>();
        long[] totals = new long[3];  // wall, JVM CPU, PostgreSQL CPU (-1: unreadable)
        try (BlockImportPipeline pipeline = ahead > 0 ? new BlockImportPipeline(service, ahead) : null) {
            InterleavedRatio.Rate importRate = round -> {
                if (round == 0) {
                    return 1;  // the import's warm-up was the setup blocks
                }
                OptionalLong pgStart = CpuClock.processesNanos(backends);
                long cpuStart = CpuClock.processNanos();
                long start = System.nanoTime();
                int imported = 0;
                if (pipeline != null) {
                    imported = importPipelined(pipeline, feed, segment);
                } else {
                    for (; imported < segment && feed.hasNext(); imported++) {
                        Block block = feed.next();
                        requireConnected(block, service.submitBlock(block));
                    }
                }
                long elapsed = System.nanoTime() - start;
                totals[0] += elapsed;
                totals[1] += CpuClock.processNanos() - cpuStart;
                OptionalLong pgEnd = CpuClock.processesNanos(backends);
                totals[2] = totals[2] < 0 || pgStart.isEmpty() || pgEnd.isEmpty() ? -1 : totals[2] + pgEnd.getAsLong() - pgStart.getAsLong();
                return (double) imported * txPerBlock / (elapsed / 1e9);
            };
            InterleavedRatio.Rate limitRate = round -> {
                SignatureVerifyRate.AllCores window = signatures.window();
                limits.add(window);
                return window.perSecond();
            };
            InterleavedRatio.Result ratio = InterleavedRatio.measure(1, rounds, importRate, limitRate);
            if (feed.hasNext()) {
                throw new IllegalStateException("blocks left after " + rounds + " segments");
            }
            double limitCpu = limits.stream().mapToDouble(SignatureVerifyRate.AllCores::cpuNanosPerVerification).average().orElseThrow();
            System.err.printf("bench node: the limit over %d windows: %.0f..%.0f /s%n", limits.size(),
                    limits.stream().mapToDouble(SignatureVerifyRate.AllCores::perSecond).min().orElseThrow(),
                    limits.stream().mapToDouble(SignatureVerifyRate.AllCores::perSecond).max().orElseThrow());
            return new Measured(totals[0] / 1e9, totals[1], totals[2], ratio, limitCpu);
        }
    }

    static void importAll(NodeChainService service, Iterator<Block> blocks) {
        while (blocks.hasNext()) {
            Block block = blocks.next();
            requireConnected(block, service.submitBlock(block));
        }
    }

    /**
     * Up to {@code count} blocks through {@code pipeline} (the next blocks' signatures checked while one is
     * written), all awaited; how many there were.
     */
    static int importPipelined(BlockImportPipeline pipeline, Iterator<Block> blocks, int count) throws Exception {
        record Submitted(Block block, CompletableFuture<BlockImportResult> result) {
        }
        Deque<Submitted> waiting = new ArrayDeque<>();
        int submitted = 0;
        for (; submitted < count && blocks.hasNext(); submitted++) {
            Block block = blocks.next();
            waiting.add(new Submitted(block, pipeline.submit(block)));
            while (!waiting.isEmpty() && waiting.peek().result().isDone()) {
                Submitted done = waiting.poll();
                requireConnected(done.block(), done.result().get());
            }
        }
        for (Submitted rest : waiting) {
            requireConnected(rest.block(), rest.result().get());
        }
        return submitted;
    }

    static void requireConnected(Block block, BlockImportResult result) {
        if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
            throw new IllegalStateException("benchmark block at height " + block.height() + " not connected: " + result);
        }
    }
}
