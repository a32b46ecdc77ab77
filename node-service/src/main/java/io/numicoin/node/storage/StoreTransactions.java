package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How {@link PostgresChainStore}'s writes reach PostgreSQL: what waits for the next transaction
 * (block-tree changes through the {@link #journal()}, bodies handed to {@link #storeBody}), bodies a
 * pipeline wrote ahead ({@link #storeBodyAhead}), and whether a transaction commits on the caller's
 * thread or, deferred, on the {@link CommitQueue}'s while the caller goes on. Every transaction
 * writes the waiting tree rows and bodies first, so a block's body, its DATA_AVAILABLE mark and
 * its connect commit together.
 *
 * <p>Used under the chain service's import lock, but for {@link #storeBodyAhead}, which any thread may call.
 */
final class StoreTransactions implements AutoCloseable {

    private final TransactionTemplate transactions;
    private final ChainTables chainTables;
    private final BlockIndexTable index;
    private final BlockIndexJournal journal = new BlockIndexJournal();
    private final PendingBodies pendingBodies = new PendingBodies();
    /** Bodies {@link #storeBodyAhead} committed that no store transaction has marked available yet. */
    private final Set<Hash256> storedAhead = ConcurrentHashMap.newKeySet();
    private final CommitQueue commits = new CommitQueue();
    private long nextDataSeq;

    StoreTransactions(TransactionTemplate transactions, ChainTables chainTables, BlockIndexTable index) {
        this.transactions = transactions;
        this.chainTables = chainTables;
        this.index = index;
    }

    /**
     * Waits for a deferred transaction in flight (whatever its outcome) and forgets everything waiting,
     * bodies written ahead included: they are written again if needed (ON CONFLICT DO NOTHING), so none
     * is ever marked available but missing.
     */
    void reset() {
        commits.reset();
        pendingBodies.discard();
        storedAhead.clear();
        journal.discard();
        nextDataSeq = index.maxDataSeq() + 1;
    }

    BlockIndexJournal journal() {
        return journal;
    }

    /** Whether no tree change and no body waits for a transaction. */
    boolean nothingWaiting() {
        return journal.isEmpty() && pendingBodies.isEmpty();
    }

    /** Keeps the body for the next transaction, with the next body-arrival number. */
    void storeBody(Hash256 id, Block block) {
        pendingBodies.add(id, block, nextDataSeq);
        nextDataSeq++;
    }

    /** A body waiting for its transaction, or null. */
    Block waitingBody(Hash256 id) {
        return pendingBodies.get(id);
    }

    /** As {@link PostgresChainStore#storeBodyAhead}. */
    void storeBodyAhead(Hash256 id, byte[] encoded, int txCount) {
        transactions.executeWithoutResult(status -> {
            // The body is on disk before the row naming it is inserted. No wait for this commit's flush: the
            // import's transaction that marks the body available commits after it and waits for its own,
            // which flushes the WAL up to and including this.
            chainTables.relaxCommitFlush();
            chainTables.insertBody(id, encoded, txCount);
        });
        storedAhead.add(id);
    }

    /**
     * Runs {@code writes} in one transaction after the waiting tree changes and bodies (taken now), then
     * {@code committed} once it committed: here, or on the commit thread when {@code deferred} (after the
     * one in flight committed, either way). The caller waits for a deferred one in flight first.
     */
    void run(boolean deferred, Runnable writes, Runnable committed) {
        BlockIndexJournal.Pending pending = journal.drain();
        List<PendingBodies.Body> bodies = pendingBodies.drain();
        List<Boolean> writtenAhead = bodies.stream().map(body -> storedAhead.remove(body.id())).toList();
        Runnable transaction = () -> {
            transactions.executeWithoutResult(status -> {
                index.insert(pending.added());
                for (int i = 0; i < bodies.size(); i++) {  // stored before any invalid mark, as they happened
                    PendingBodies.Body body = bodies.get(i);
                    if (!writtenAhead.get(i)) {
                        chainTables.insertBody(body.id(), BlockCodec.encode(body.block()), body.block().transactions().size());
                    }
                    index.markDataAvailable(body.id(), body.dataSeq());
                }
                index.updateStatuses(pending.invalidated());
                writes.run();
            });
            committed.run();
        };
        if (deferred) {
            commits.defer(transaction);
        } else {
            transaction.run();
        }
    }

    /**
     * Waits until no deferred transaction is in flight.
     *
     * @throws CommitQueue.DeferredCommitException if one failed since the last {@link #reset}
     */
    void await() {
        commits.await();
    }

    /** As {@link CommitQueue#committed}. */
    CompletableFuture<Void> committed() {
        return commits.committed();
    }

    /** Waits for a deferred transaction in flight (up to 30 s) and stops the commit threads. */
    @Override
    public void close() {
        commits.close();
    }
}
