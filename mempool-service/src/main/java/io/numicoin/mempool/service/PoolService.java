package io.numicoin.mempool.service;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.mempool.pool.AddResult;
import io.numicoin.mempool.pool.Admission;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.PoolEntry;
import io.numicoin.mempool.pool.PoolRejectReason;
import io.numicoin.mempool.pool.RecentRemovals;
import io.numicoin.mempool.pool.Removal;
import io.numicoin.mempool.store.PoolStore;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the pool meets IO: every change of the pool is made under one lock together with its write
 * to the store and its events, so the table and {@code numi.mempool.v1} see changes in the pool's
 * order. The expensive checks (signatures, the account read) run before, outside the lock. An offer
 * is committed to the store only once Kafka has acknowledged its {@code Accepted}; one whose write or
 * announcement fails is undone in memory and the store (a {@link io.numicoin.mempool.kafka.PublishFailedException}
 * reaches the caller). Removals whose {@code Removed} could not be sent are sent again with every
 * later change until Kafka takes them ({@link PoolEvents#retryUnpublished}). Every removal is also
 * remembered for a while ({@link RecentRemovals}): the API says why a transaction is no longer pending.
 */
public final class PoolService {

    private static final Logger log = LoggerFactory.getLogger(PoolService.class);

    private final Admission admission;
    private final PoolStore store;
    private final PoolEvents publisher;
    private final PoolMetrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Removal> unstoredRemovals = new ArrayList<>();  // under the lock
    private final RecentRemovals recentRemovals = new RecentRemovals(RecentRemovals.DEFAULT_CAPACITY);

    public PoolService(Admission admission, PoolStore store, PoolEvents publisher, PoolMetrics metrics, Clock clock) {
        this.admission = admission;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mempool pool() {
        return admission.pool();
    }

    public Admission admission() {
        return admission;
    }

    /** Why {@code txid} left the pool, if it did recently (a pending transaction has no departure that counts). */
    public Optional<RecentRemovals.Departure> departure(Hash256 txid) {
        return recentRemovals.departure(txid);
    }

    /** Offers raw bytes (the API). */
    public AddResult offer(byte[] encoded) {
        Admission.Decoded decoded = Admission.decode(encoded);
        if (decoded.failure() != null) {
            metrics.offered(decoded.failure());
            return decoded.failure();
        }
        return offer(decoded.tx(), clock.millis());
    }

    /** Offers a transfer that arrived at {@code arrivalMillis}: checked, added, stored, published. */
    public AddResult offer(TransferTx tx, long arrivalMillis) {
        Admission.Checked checked = admission.check(tx, arrivalMillis);
        if (checked.failure() != null) {
            metrics.offered(checked.failure());
            return checked.failure();
        }
        AddResult result = locked(() -> {
            AddResult added = pool().add(checked.entry(), checked.account());
            try {
                // committed only once Kafka has the Accepted: memory, table and topic agree or nothing happened
                store.apply(added.added(), added.removed(),
                        () -> added.added().ifPresent(entry -> publisher.acceptedAcknowledged(entry, pool().tip().height())));
            } catch (RuntimeException e) {
                // Memory must not keep what the store and Kafka do not: undo the add, announce nothing.
                pool().revert(added);
                log.warn("storing or announcing the offer of {} failed; the pool is as it was: {}", checked.entry().txid(), e.toString());
                throw e;
            }
            announceRemoved(added.removed());
            publisher.retryUnpublished(txid -> pool().get(txid).isPresent());
            return added;
        });
        metrics.offered(result);
        return result;
    }

    /** Runs a pool change under the lock; {@code change} must {@link #record} what it did. */
    <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores and publishes one change (under the lock). Removals already made in memory (blocks,
     * expiry) whose delete fails are announced anyway and their delete retried with the next
     * change: the store may keep a row a little longer (a reload re-validates it), never the reverse.
     */
    void record(Optional<PoolEntry> added, List<Removal> removed) {
        List<Removal> deletes = new ArrayList<>(unstoredRemovals);
        deletes.addAll(removed);
        try {
            store.apply(added, deletes);
            unstoredRemovals.clear();
        } catch (RuntimeException e) {
            if (added.isPresent()) {
                throw e;
            }
            unstoredRemovals.clear();
            unstoredRemovals.addAll(deletes);
            log.warn("deleting {} removed transactions from the store failed; retried with the next change: {}",
                    deletes.size(), e.toString());
        }
        publish(added, removed);
    }

    private void publish(Optional<PoolEntry> added, List<Removal> removed) {
        announceRemoved(removed);
        added.ifPresent(entry -> publisher.accepted(entry, pool().tip().height()));
        publisher.retryUnpublished(txid -> pool().get(txid).isPresent());
    }

    /** Publishes {@code removed} and remembers why each left, at the pool's tip height (the including block's, for a block). */
    private void announceRemoved(List<Removal> removed) {
        if (!removed.isEmpty()) {
            recentRemovals.record(removed, pool().tip().height(), clock.millis());
        }
        publisher.removed(removed);
    }

    /** Removals that happened outside an offer (blocks, expiry): stored, published, counted. */
    void recordRemovals(List<Removal> removed) {
        record(Optional.empty(), removed);
        metrics.removed(removed);
    }

    /** Drops expired and too old transactions (called periodically and on blocks). */
    public void expire() {
        locked(() -> {
            recordRemovals(pool().expire());
            return null;
        });
    }

    /** Reloads the stored pool on start: each transaction is re-validated against the tip, oldest first. */
    public int reload() {
        List<PoolStore.StoredTx> stored = store.loadAll();
        int kept = 0;
        for (PoolStore.StoredTx tx : stored) {
            Admission.Decoded decoded = Admission.decode(tx.raw());
            if (decoded.failure() != null) {
                continue;
            }
            Admission.Checked checked = admission.check(decoded.tx(), tx.arrivedMillis());
            AddResult result = checked.failure() != null ? checked.failure()
                    : locked(() -> pool().add(checked.entry(), checked.account()));
            if (result.isAccepted()) {
                kept++;
                locked(() -> {
                    record(Optional.empty(), result.removed());
                    publisher.accepted(result.added().orElseThrow(), pool().tip().height());
                    return null;
                });
            } else if (result.reason() != null && result.reason() != PoolRejectReason.ACCOUNT_UNAVAILABLE) {
                // no longer valid against the tip: it leaves the table (kept when the node was just unreachable)
                List<Removal> gone = List.of(new Removal(PoolEntry.of(decoded.tx(), tx.arrivedMillis()),
                        result.reason() == PoolRejectReason.EXPIRED || result.reason() == PoolRejectReason.TOO_OLD
                                ? RemovalReason.EXPIRED : RemovalReason.INVALID));
                store.apply(Optional.empty(), gone);
                announceRemoved(gone);
            }
        }
        log.info("reloaded {} of {} stored transactions", kept, stored.size());
        return kept;
    }
}
