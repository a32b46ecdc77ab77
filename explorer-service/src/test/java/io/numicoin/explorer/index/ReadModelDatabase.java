package io.numicoin.explorer.index;

import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh PostgreSQL database with the explorer's migrations, its store and an indexer on a node at {@code nodeUrl}. */
public final class ReadModelDatabase implements AutoCloseable {

    final TestDatabase db;
    final JdbcTemplate jdbc;
    final PostgresExplorerStore store;
    final ChainIndexer indexer;

    ReadModelDatabase(String nodeUrl) {
        this(nodeUrl, PostgresExplorerStore.DEFAULT_EVENT_LOG_RETENTION);
    }

    ReadModelDatabase(String nodeUrl, long eventLogRetention) {
        db = TestPostgres.shared().createDatabase("explorer");
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/explorer").load().migrate();
        jdbc = new JdbcTemplate(db.dataSource());
        store = new PostgresExplorerStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
                eventLogRetention);
        indexer = new ChainIndexer(store, new NodeApiClient(URI.create(nodeUrl), Duration.ofSeconds(30)), ChainFixture.CHAIN_ID,
                Clock.systemUTC());
    }

    /** A node nobody listens on: a test that must not resync fails if it tries. */
    static ReadModelDatabase withoutNode() {
        return new ReadModelDatabase("http://127.0.0.1:1");
    }

    /**
     * Everything the active chain determines, as text: active blocks, their transactions, the
     * history, the balances and the tip (stale blocks, reorgs and the sequence left out).
     */
    String activeProjection() {
        StringBuilder out = new StringBuilder();
        for (String query : List.of(
                "SELECT encode(id,'hex'), height, encode(parent_id,'hex'), cumulative_work, tx_count, size FROM block WHERE status = 'ACTIVE' ORDER BY height",
                "SELECT encode(t.txid,'hex'), t.tx_index, t.amount, t.fee, t.nonce FROM tx t JOIN block b ON b.id = t.block_id WHERE b.status = 'ACTIVE' ORDER BY b.height, t.tx_index",
                "SELECT encode(address,'hex'), height, tx_index, encode(txid,'hex'), direction, delta FROM address_history ORDER BY address, height, tx_index",
                "SELECT encode(address,'hex'), balance, received, sent, tx_count FROM address_balance ORDER BY address",
                "SELECT encode(tip_id,'hex'), tip_height, tip_work FROM chain_cursor")) {
            out.append(query).append('\n');
            jdbc.query(query, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getString(i)).append(i == columns ? "\n" : " ");
                }
            });
        }
        return out.toString();
    }

    /** The whole database as text (every table, every column): for replays, which must change nothing. */
    String everything() {
        StringBuilder out = new StringBuilder(activeProjection());
        for (String query : List.of(
                "SELECT encode(id,'hex'), status, reorg_id FROM block ORDER BY id",
                "SELECT encode(block_id,'hex'), tx_index, encode(raw,'hex') FROM tx ORDER BY block_id, tx_index",
                "SELECT id, encode(fork_id,'hex'), fork_height, encode(old_tip_id,'hex'), old_tip_height, encode(new_tip_id,'hex'), new_tip_height, depth, closed FROM reorg ORDER BY id",
                "SELECT sequence FROM chain_cursor")) {
            jdbc.query(query, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getString(i)).append(i == columns ? "\n" : " ");
                }
            });
        }
        return out.toString();
    }

    @Override
    public void close() {
        db.close();
    }
}
