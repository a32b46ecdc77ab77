package io.numicoin.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.numicoin.events.BlockConnected;
import io.numicoin.events.EventMeta;
import io.numicoin.explorer.index.ChainIndexer;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.node.chain.BlockImportPipeline;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxChainEvents;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The explorer's indexing rate against the node's import rate of the same blocks, in the same run:
 * a regtest chain of signed transfers ({@link TransferChain}: {@code -Dnumi.bench.explorer.index.blocks}
 * blocks, default 2,000, of {@code -Dnumi.bench.explorer.tx} transfers plus the coinbase, default 9,
 * so 10 transactions a block) is imported by the node ({@link NodeChainService} through its
 * {@link BlockImportPipeline}, every signature checked, state, undo and outbox written, as a
 * publishing node does) and indexed by the explorer (each block as the {@code numi.chain.v1}
 * {@code BlockConnected} its listener would hand to the {@link ChainIndexer}, into its own PostgreSQL
 * database), segment by segment ({@code -Dnumi.bench.explorer.index.segment}, default 100 blocks),
 * alternating which goes first. The setup blocks and the first segment are the shared warm-up; each
 * later segment gives one ratio of rates, reported as the median with its min and max.
 */
final class ExplorerIndexBench implements BenchPart {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Override
    public String name() {
        return "explorer index vs node import";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        int blocks = Integer.getInteger("numi.bench.explorer.index.blocks", 2_000);
        int transfers = Integer.getInteger("numi.bench.explorer.tx", 9);
        int senders = Integer.getInteger("numi.bench.explorer.senders", 1_000);
        int segment = Integer.getInteger("numi.bench.explorer.index.segment", 100);
        int cores = Runtime.getRuntime().availableProcessors();
        TransferChain.Cached chain;
        ExecutorService signers = Executors.newFixedThreadPool(cores);
        try {
            chain = TransferChain.cached(Path.of("bench", "target", "explorer-chain-" + transfers + "tx-" + senders + "senders.bin"),
                    blocks, transfers, senders, signers);
        } finally {
            signers.shutdownNow();
        }
        NetworkParams params = NetworkParams.regtest();
        try (TestDatabase nodeDb = TestPostgres.shared().createDatabase("bench_explorer_node");
                TestDatabase explorerDb = TestPostgres.shared().createDatabase("bench_explorer_index");
                HikariDataSource nodePool = pool(nodeDb);
                HikariDataSource explorerPool = pool(explorerDb)) {
            Flyway.configure().dataSource(nodePool).locations("classpath:db/migration").load().migrate();
            Flyway.configure().dataSource(explorerPool).locations("classpath:db/explorer").load().migrate();
            JdbcTemplate nodeJdbc = new JdbcTemplate(nodePool);
            OutboxChainEvents events = new OutboxChainEvents(new JdbcOutboxWriter(nodeJdbc, new OutboxSignal()), params.chainId(), CLOCK);
            PostgresExplorerStore store = store(explorerPool);
            // the explorer never asks the node here: every event links to its tip
            ChainIndexer indexer = new ChainIndexer(store, new NodeApiClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1)),
                    params.chainId(), Clock.systemUTC());
            Indexing explorer = new Indexing(indexer, params);
            store.connect(params.genesis(), params.genesis().header().target().work(), ChainCursor.UNKNOWN_SEQUENCE);
            try (TempBlockFiles files = new TempBlockFiles(nodeJdbc);
                    NodeChainService node = new NodeChainService(params, nodeJdbc, transactions(nodePool), files.files(), events, CLOCK,
                    new ChainServiceSettings(Duration.ofSeconds(30), 100_000, cores));
                    BlockImportPipeline pipeline = new BlockImportPipeline(node, 2)) {
                node.start();
                NodeImportBench.importAll(node, chain.setup().iterator());
                chain.setup().forEach(explorer::index);
                List<List<Block>> parts = new ArrayList<>();
                Iterator<Block> measured = chain.measured(blocks);
                while (measured.hasNext()) {
                    List<Block> part = new ArrayList<>(segment);
                    while (part.size() < segment && measured.hasNext()) {
                        part.add(measured.next());
                    }
                    parts.add(part);
                }
                if (parts.size() < 2) {
                    throw new IllegalStateException("need at least two segments: raise numi.bench.explorer.index.blocks");
                }
                double[] seconds = new double[2];  // explorer, node (measured rounds only)
                InterleavedRatio.Result ratio = InterleavedRatio.measure(1, parts.size() - 1,
                        round -> {
                            double t = timed(() -> parts.get(round).forEach(explorer::index));
                            seconds[0] += round == 0 ? 0 : t;
                            return parts.get(round).size() / t;
                        },
                        round -> {
                            List<Block> part = parts.get(round);
                            double t = timed(() -> SegmentedImport.pipelined(pipeline, part.iterator(), part.size()));
                            seconds[1] += round == 0 ? 0 : t;
                            return part.size() / t;
                        });
                int measuredBlocks = parts.subList(1, parts.size()).stream().mapToInt(List::size).sum();
                double explorerSeconds = seconds[0];
                double nodeSeconds = seconds[1];
                out.report("explorer.index.blocks", measuredBlocks, "blocks");
                out.report("explorer.index.tx_per_block", transfers + 1, "tx");
                out.report("explorer.index.blocks_per_s", measuredBlocks / explorerSeconds, "per_s");
                out.report("explorer.index.node_import_blocks_per_s", measuredBlocks / nodeSeconds, "per_s");
                ratio.report(out, "explorer.index.over_node_import");
            }
        }
    }

    /** Feeds blocks to the indexer as consecutive {@code BlockConnected} events, as its Kafka listener does. */
    private static final class Indexing {
        private final ChainIndexer indexer;
        private final int chainId;
        private BigInteger work;
        private long sequence;

        Indexing(ChainIndexer indexer, NetworkParams params) {
            this.indexer = indexer;
            this.chainId = params.chainId();
            this.work = params.genesis().header().target().work();
        }

        void index(Block block) {
            work = work.add(block.header().target().work());
            BlockConnected event = BlockConnected.of(new EventMeta(chainId, ++sequence, block.header().timestamp() * 1000),
                    work, block);
            if (indexer.apply(event) != ChainIndexer.Outcome.APPLIED) {
                throw new IllegalStateException("block " + block.height() + " was not applied by the explorer");
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static TransactionTemplate transactions(DataSource pool) {
        return new TransactionTemplate(new JdbcTransactionManager(pool));
    }

    private static PostgresExplorerStore store(DataSource pool) {
        return new PostgresExplorerStore(new JdbcTemplate(pool), transactions(pool));
    }
}
