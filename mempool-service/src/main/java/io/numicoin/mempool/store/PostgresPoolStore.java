package io.numicoin.mempool.store;

import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.Removal;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link PoolStore} in the mempool's own PostgreSQL schema (tables {@code pending_tx}, {@code chain_cursor}). */
public final class PostgresPoolStore implements PoolStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PostgresPoolStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void apply(Optional<PoolEntry> added, List<Removal> removed, Runnable beforeCommit) {
        if (added.isEmpty() && removed.isEmpty()) {
            beforeCommit.run();
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (!removed.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM pending_tx WHERE txid = ?",
                        removed.stream().map(r -> new Object[] {r.entry().txid().toArray()}).toList());
            }
            added.ifPresent(entry -> jdbc.update(
                    "INSERT INTO pending_tx (txid, sender, nonce, raw, arrived_ms) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (txid) DO NOTHING",
                    entry.txid().toArray(), entry.sender().policyHash().toArray(), entry.nonce(),
                    TransactionCodec.encode(entry.tx()), entry.arrivalMillis()));
            beforeCommit.run();
        });
    }

    @Override
    public List<StoredTx> loadAll() {
        return jdbc.query("SELECT raw, arrived_ms FROM pending_tx ORDER BY arrived_ms, nonce",
                (rs, row) -> new StoredTx(rs.getBytes(1), rs.getLong(2)));
    }

    @Override
    public Optional<Cursor> cursor() {
        return jdbc.query("SELECT tip_id, tip_height, sequence FROM chain_cursor WHERE id = 1",
                (rs, row) -> new Cursor(new ChainTip(Hash256.of(rs.getBytes(1)), rs.getLong(2)), rs.getLong(3)))
                .stream().findFirst();
    }

    @Override
    public void saveCursor(Cursor cursor) {
        jdbc.update("INSERT INTO chain_cursor (id, tip_id, tip_height, sequence) VALUES (1, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET tip_id = EXCLUDED.tip_id, tip_height = EXCLUDED.tip_height, "
                        + "sequence = EXCLUDED.sequence",
                cursor.tip().id().toArray(), cursor.tip().height(), cursor.sequence());
    }
}
