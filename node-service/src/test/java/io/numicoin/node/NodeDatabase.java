package io.numicoin.node;

import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.StateBuckets;
import io.numicoin.node.storage.StateTables;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateElementCodec;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import javax.sql.DataSource;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated PostgreSQL database for one test class, with the node's JDBC plumbing. */
public final class NodeDatabase implements AutoCloseable {

    /** Where every test database's block files go (a directory per database under it). */
    public static final Path BLOCK_FILES = Path.of("target", "block-files");

    private final TestDatabase database;
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockFiles blockFiles;

    private NodeDatabase(TestDatabase database) {
        this.database = database;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        config.setConnectionInitSql("SET synchronous_commit = off");
        this.pool = new HikariDataSource(config);  // as in the node: a pooled connection per statement, not a new login
        this.jdbc = new JdbcTemplate(pool);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(pool));
        // small files, so every test that stores blocks also starts new ones
        this.blockFiles = BlockFiles.forDatabase(BLOCK_FILES, jdbc, 256 * 1024);
    }

    public static NodeDatabase create(String prefix) {
        TestDatabase database = TestPostgres.shared().createDatabase(prefix);
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        return new NodeDatabase(database);
    }

    /** A chain service on this database (test clock, default settings, recorded events); the caller starts and closes it. */
    public NodeChainService chainService(NetworkParams params) {
        return new NodeChainService(params, jdbc, transactions, blockFiles, new RecordingChainEvents(), TestChains.CLOCK,
                ChainServiceSettings.defaults());
    }

    /** Imports {@code blocks} in order through a chain service, each of which must connect. */
    public void connectAll(NetworkParams params, List<Block> blocks) {
        try (NodeChainService service = chainService(params)) {
            service.start();
            for (Block block : blocks) {
                BlockImportResult result = service.submitBlock(block);
                if (result.outcome() != BlockImportResult.Outcome.CONNECTED) {
                    throw new AssertionError("block " + block.height() + " did not connect: " + result);
                }
            }
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    /** This database's block files. */
    public BlockFiles blockFiles() {
        return blockFiles;
    }

    public TestDatabase database() {
        return database;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Every row of {@code accounts}, sorted. */
    public SortedMap<Address, Account> accounts() {
        SortedMap<Address, Account> accounts = new TreeMap<>();
        transactions.executeWithoutResult(s -> new StateTables(jdbc).forEachElement(element -> {
            if (element instanceof AccountEntry entry) {
                accounts.put(entry.address(), entry.account());
            }
        }));
        return accounts;
    }

    /** Every row of {@code immature_rewards}, by paying height. */
    public SortedMap<Long, ImmatureReward> immatureRewards() {
        SortedMap<Long, ImmatureReward> rewards = new TreeMap<>();
        transactions.executeWithoutResult(s -> new StateTables(jdbc).forEachElement(element -> {
            if (element instanceof ImmatureReward reward) {
                rewards.put(reward.paidAtHeight(), reward);
            }
        }));
        return rewards;
    }

    /** The state hash recomputed from every row of {@code accounts} and {@code immature_rewards}. */
    public MuHash3072 recomputedAccumulator() {
        MuHash3072[] result = {MuHash3072.EMPTY};
        transactions.executeWithoutResult(s -> new StateTables(jdbc).forEachElement(
                element -> result[0] = result[0].insert(StateElementCodec.encode(element))));
        return result[0];
    }

    /** {@code chain_tip.accumulator}. */
    public MuHash3072 storedAccumulator() {
        try {
            return MuHash3072.fromBytes(jdbc.queryForObject("SELECT accumulator FROM chain_tip", byte[].class));
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** The product of {@code state_buckets} times the immature rewards' hash: must equal the stored accumulator. */
    public MuHash3072 bucketsTimesRewards() {
        MuHash3072 product = new StateBuckets(jdbc).load().product();
        for (ImmatureReward reward : immatureRewards().values()) {
            product = product.insert(StateElementCodec.encode(reward));
        }
        return product;
    }

    /** Every row of every chain table as text, table by table: equal snapshots mean nothing was written. */
    public java.util.Map<String, List<String>> snapshot() {
        java.util.Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (String table : List.of("block_index", "main_chain", "chain_tip", "snapshot_base", "accounts", "state_buckets",
                "immature_rewards", "undo_data", "chain_transactions", "outbox", "outbox_counter")) {
            tables.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class));
        }
        // bodies by content, wherever they are (in a block file, or inline as a restore writes them)
        tables.put("block_body", jdbc.query("SELECT id, body, file_no, file_offset, size, tx_count FROM block_body ORDER BY id",
                (rs, n) -> HexFormat.of().formatHex(rs.getBytes("id")) + " " + HexFormat.of().formatHex(blockFiles.bodyOf(rs))
                        + " " + rs.getInt("size") + " " + rs.getInt("tx_count")));
        return tables;
    }

    @Override
    public void close() {
        blockFiles.close();
        pool.close();
        database.close();
    }
}
