package io.numicoin.mempool.store;

import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.Removal;
import java.util.List;
import java.util.Optional;

/** The mempool's persistent copy of the pool and its chain cursor, reloaded on start. */
public interface PoolStore {

    /** A transaction as stored: encoded bytes and arrival time. */
    record StoredTx(byte[] raw, long arrivedMillis) {
    }

    /** The tip the pool follows and the last applied chain-event sequence. */
    record Cursor(ChainTip tip, long sequence) {
    }

    /** Writes one pool change: the added entry (if any) and the removals, in one transaction. */
    default void apply(Optional<PoolEntry> added, List<Removal> removed) {
        apply(added, removed, () -> { });
    }

    /**
     * Writes one pool change and runs {@code beforeCommit} inside its transaction, last: if it throws,
     * nothing is written (the exception is rethrown).
     */
    void apply(Optional<PoolEntry> added, List<Removal> removed, Runnable beforeCommit);

    /** Every stored transaction, oldest first. */
    List<StoredTx> loadAll();

    Optional<Cursor> cursor();

    void saveCursor(Cursor cursor);
}
