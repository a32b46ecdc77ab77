package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.chain.ChainStore;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.state.UndoDataCodec;
import io.numicoin.protocol.validation.ConnectResult;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node's {@link ChainStore} in PostgreSQL (schema {@code V1__chain.sql}), with block bodies in
 * {@link BlockFiles} beside it. {@link #connect} and
 * {@link #disconnect} each run in ONE database transaction that writes the account and reward
 * changes, the undo row, the main-chain row, the transaction index, the tip row with the new
 * MuHash accumulator (and the touched {@code state_buckets}), the block's status and the chain event ({@link ChainEventSink}), so a crash
 * leaves the database before or after the change, never in between. Before committing, each
 * checks that the accumulator it is about to store commits to the state its block header names.
 *
 * <p>Block-tree changes reach {@code block_index} through {@link #journal()}, and bodies passed to
 * {@link #storeBlock} wait in memory too: both are written at the start of the next transaction
 * here — usually the connect of that very block, so a block costs one commit — or by
 * {@link #flushTreeChanges()} at the end of the import ({@link StoreTransactions}). A crash before that commit loses the block
 * whole (tree row and body), never half of it.
 *
 * <p>While {@link #deferCommits deferring}, a connect's transaction (and a flush's) commits on the store's
 * own thread ({@link CommitQueue}) while the caller goes on: the tip, the caches and the state the
 * importer reads ({@link UnflushedState}) move at once, so the next block's state rules run while this
 * block commits. At most one such commit is in flight; every other write, and every read of what a
 * deferred commit writes (undo data, bodies no longer in memory), waits for it first, and a failed one
 * is thrown to the next of them. {@link #committed()} tells callers when their block is durable.
 *
 * <p>Not thread-safe, but for {@link #storeBodyAhead}: the chain service calls it under its import lock. After any failed write the
 * caller must {@link #reload()} (and rebuild its tree), because the in-memory tree may be ahead of
 * what was committed.
 */
public final class PostgresChainStore implements ChainStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresChainStore.class);

    private final NetworkParams params;
    private final StateTables stateTables;
    private final ChainTables chainTables;
    private final BlockIndexTable index;
    private final StoreTransactions writes;
    private final StateBuckets buckets;
    private final AccountCache cache;
    private final RewardCache rewards = new RewardCache();
    private final UnflushedState unflushed = new UnflushedState();
    private boolean deferring;
    private final PostgresAccountState view;
    private final RecentBlocks recentBlocks = new RecentBlocks(16);
    private final ChainEventSink events;
    private volatile StoredTip tip;

    private PostgresChainStore(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions, BlockFiles files,
            ChainEventSink events, int accountCacheSize) {
        this.params = params;
        this.stateTables = new StateTables(jdbc);
        this.chainTables = new ChainTables(jdbc, files);
        this.index = new BlockIndexTable(jdbc);
        this.writes = new StoreTransactions(transactions, chainTables, index);
        this.buckets = new StateBuckets(jdbc);
        this.cache = new AccountCache(accountCacheSize);
        this.view = new PostgresAccountState(stateTables, unflushed, cache, rewards, () -> tip.accumulator());
        this.events = events;
    }

    /**
     * Opens the store on a migrated database, writing the genesis block first if it is empty.
     *
     * @throws IllegalStateException if the database holds another network's chain
     */
    public static PostgresChainStore open(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions,
            BlockFiles files, ChainEventSink events, int accountCacheSize) {
        PostgresChainStore store = new PostgresChainStore(params, jdbc, transactions, files, events, accountCacheSize);
        transactions.executeWithoutResult(status -> new GenesisWriter(params, jdbc, store.chainTables, events).writeIfEmpty());
        int strays = store.chainTables.deleteBodiesWithoutBlocks();
        if (strays > 0) {
            log.info("deleted {} block bodies written ahead of imports that did not happen (no block_index row)", strays);
        }
        store.reload();
        return store;
    }

    /**
     * Re-reads the tip from the database and forgets every cache and pending tree change (after
     * waiting for a deferred commit in flight, whatever its outcome).
     */
    public void reload() {
        writes.reset();
        unflushed.clear();
        tip = chainTables.tip().orElseThrow(() -> new IllegalStateException("no chain_tip row: the database was not initialised"));
        buckets.load();
        cache.clear();
        rewards.clear();
        recentBlocks.clear();
    }

    @Override
    public Hash256 tip() {
        return tip.id();
    }

    /** The tip row: id, height and state accumulator (safe to read from any thread). */
    public StoredTip storedTip() {
        return tip;
    }

    @Override
    public AccountStateView state() {
        return view;
    }

    /** Give this to the {@code BlockTree} as its listener so its changes reach {@code block_index}. */
    public BlockIndexJournal journal() {
        return writes.journal();
    }

    /** Writes tree changes and bodies not yet written by a store transaction (call after each import). */
    public void flushTreeChanges() {
        if (!writes.nothingWaiting()) {
            inTransaction(deferring, () -> { }, () -> { });
        }
    }

    /**
     * From now on ({@code true}) until called with {@code false}, connects and flushes commit on the
     * store's thread while the caller goes on (the class comment says what that changes). The chain
     * service turns it on for the duration of one pipelined import.
     */
    public void deferCommits(boolean defer) {
        this.deferring = defer;
    }

    /**
     * Waits until no deferred commit is in flight.
     *
     * @throws RuntimeException if one failed: the caller must {@link #reload()}
     */
    public void awaitCommits() {
        try {
            writes.await();
        } catch (RuntimeException e) {
            forgetCachedState();
            throw e;
        }
        unflushed.clear();
    }

    /**
     * Completes once everything written so far has committed (at once when no deferred commit is in
     * flight) and fails if a deferred commit failed; its dependants run on a thread of their own,
     * never the commit thread.
     */
    public CompletableFuture<Void> committed() {
        return writes.committed();
    }

    /**
     * Keeps the body for the next transaction (with its body-arrival number), which stores it and
     * marks it DATA_AVAILABLE before anything else that transaction writes.
     */
    @Override
    public void storeBlock(Hash256 id, Block block) {
        storeBlock(id, block, null);
    }

    /** Keeps the body rules' txids with the block too, so connecting it indexes them without hashing again. */
    @Override
    public void storeBlock(Hash256 id, Block block, List<Hash256> txids) {
        writes.storeBody(id, block);
        recentBlocks.put(id, block, txids);
    }

    /**
     * Writes a checked body in its own transaction before its block is imported — the one method
     * any thread may call, without the import lock — so the block's connect transaction only marks
     * it available instead of carrying its bytes. A body without a {@code block_index} row is inert
     * (V6). Nothing is lost if this fails: the import's transaction writes the body then.
     */
    public void storeBodyAhead(Hash256 id, byte[] encoded, int txCount) {
        writes.storeBodyAhead(id, encoded, txCount);
    }

    @Override
    public Optional<Block> block(Hash256 id) {
        Block block = recentBlocks.get(id);
        if (block == null) {
            block = writes.waitingBody(id);
        }
        if (block == null) {
            awaitCommits();  // a body a deferred commit is writing is in recentBlocks; past them, read what committed
            Optional<byte[]> body = chainTables.body(id);
            if (body.isEmpty()) {
                return Optional.empty();
            }
            block = decode(id, body.get());
        }
        if (block.header().previousId().equals(tip.id())) {
            view.prefetch(block);  // read-ahead: it is about to be connected
        }
        return Optional.of(block);
    }

    @Override
    public Optional<UndoData> undo(Hash256 id) {
        awaitCommits();
        return chainTables.undo(id).map(bytes -> {
            try {
                return UndoDataCodec.decode(bytes);
            } catch (DecodeException e) {
                throw new CorruptChainDataException("undo data of block " + id + " does not decode: " + e.getMessage()
                        + "; run --numi.command=reindex", e);
            }
        });
    }

    @Override
    public void connect(Hash256 id, Block block, StateDiff diff, UndoData undo) {
        awaitCommits();  // the buckets are current
        AccumulatorMath.Update hashes = AccumulatorMath.replace(tip.accumulator(), buckets::get, undo.changes(), diff.changes());
        requireCommitment(hashes.overall(), block.header().stateCommitment(), "connecting " + id);
        connect(id, block, diff, undo, hashes.overall(), () -> hashes.buckets());
    }

    /**
     * Takes the state rules' factors for the bucket hashes (no element hashed twice) and their new
     * accumulator, which they computed from this store's own and already compared with the header's
     * commitment (so it is not finalised — one modular inverse — a second time here). The buckets'
     * products are taken in the transaction, so a deferred one takes them off the import's path.
     */
    @Override
    public void connect(Hash256 id, Block block, ConnectResult.Connected connected) {
        connect(id, block, connected.diff(), connected.undo(), connected.hashChange().accumulator(),
                () -> AccumulatorMath.apply(buckets::get, connected.hashChange()).buckets());
    }

    /** {@code bucketUpdate} runs inside the transaction, after every write before it committed. */
    private void connect(Hash256 id, Block block, StateDiff diff, UndoData undo, MuHash3072 accumulator,
            Supplier<Map<Integer, MuHash3072>> bucketUpdate) {
        StoredTip current = tip;
        if (!block.header().previousId().equals(current.id())) {
            throw new IllegalStateException("block " + id + " does not extend the tip " + current.id());
        }
        StoredTip next = new StoredTip(id, block.height(), accumulator);
        List<Hash256> txids = recentBlocks.txids(id);
        AtomicReference<Map<Integer, MuHash3072>> updatedBuckets = new AtomicReference<>();
        Runnable connectWrites = () -> {
            updatedBuckets.set(bucketUpdate.get());
            stateTables.write(diff.changes());
            buckets.write(updatedBuckets.get());
            chainTables.putUndo(id, UndoDataCodec.encode(undo));
            chainTables.addToMainChain(block.height(), id);
            chainTables.indexTransactions(id, block, txids);
            index.setStatus(id, BlockStatus.VALID);
            chainTables.moveTip(current.id(), next);
            events.connected(id, block, cumulativeWork(id));
        };
        inTransaction(deferring, connectWrites, () -> buckets.commit(updatedBuckets.get()));
        if (deferring) {
            unflushed.hold(diff.changes());  // until a wait shows it committed
        }
        tip = next;
        diff.changes().accounts().forEach(entry -> cache.put(entry.address(), entry.account()));
        rewards.written(diff.changes());
    }

    @Override
    public void disconnect(Hash256 id, Block block, UndoData undo) {
        awaitCommits();
        StoredTip current = tip;
        if (!id.equals(current.id())) {
            throw new IllegalStateException("block " + id + " is not the tip " + current.id());
        }
        Hash256 parentId = block.header().previousId();
        BlockIndexTable.Row parent = index.row(parentId)
                .orElseThrow(() -> new IllegalStateException("parent " + parentId + " of the tip is not in block_index"));
        AccumulatorMath.Update hashes = AccumulatorMath.replace(current.accumulator(), buckets::get,
                stateTables.currentValues(undo.changes()), undo.changes());
        requireCommitment(hashes.overall(), parent.header().stateCommitment(), "disconnecting " + id);
        StoredTip next = new StoredTip(parentId, parent.height(), hashes.overall());
        inTransaction(false, () -> {
            stateTables.write(undo.changes());
            buckets.write(hashes.buckets());
            chainTables.deleteUndo(id);
            chainTables.removeFromMainChain(block.height(), id);
            chainTables.unindexTransactions(id, block);
            chainTables.moveTip(current.id(), next);
            events.disconnected(id, block, parent.cumulativeWork());
        }, () -> buckets.commit(hashes.buckets()));
        tip = next;
        undo.changes().accounts().forEach(entry -> cache.put(entry.address(), entry.account()));
        rewards.written(undo.changes());
    }

    public NetworkParams params() {
        return params;
    }

    private BigInteger cumulativeWork(Hash256 id) {
        return index.row(id).orElseThrow(() -> new IllegalStateException("block " + id + " is not in block_index")).cumulativeWork();
    }

    /**
     * Runs {@code writes} in one transaction ({@link StoreTransactions#run}) once no deferred commit is in
     * flight. On failure here, forgets cached values (the caller reloads, which forgets what was pending
     * too); a deferred failure does the same when a wait finds it.
     */
    private void inTransaction(boolean deferred, Runnable writes, Runnable committed) {
        awaitCommits();
        try {
            this.writes.run(deferred, writes, committed);
        } catch (RuntimeException e) {
            forgetCachedState();
            throw e;
        }
    }

    private void forgetCachedState() {
        cache.clear();
        rewards.clear();
        unflushed.clear();
    }

    /** Waits for a deferred commit in flight (up to 30 s) and stops the store's threads. */
    @Override
    public void close() {
        writes.close();
    }

    private static void requireCommitment(MuHash3072 accumulator, Hash256 expected, String what) {
        Hash256 actual = StateCommitment.of(accumulator);
        if (!actual.equals(expected)) {
            throw new IllegalStateException(what + ": the stored state would commit to " + actual + ", the header says "
                    + expected + "; the accounts table does not match the chain, run --numi.command=reindex");
        }
    }

    private static Block decode(Hash256 id, byte[] body) {
        try {
            return BlockCodec.decode(body);
        } catch (DecodeException e) {
            throw new CorruptChainDataException("stored body of block " + id + " does not decode: " + e.getMessage()
                    + "; restart the node so the integrity check marks it for re-download", e);
        }
    }
}
