package io.numicoin.node.chain;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.node.storage.CorruptChainDataException;
import io.numicoin.node.storage.PostgresChainStore;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockAdmission;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.chain.ChainChange;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.chain.WorkVerifiedBlock;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.CheckedBody;
import io.numicoin.protocol.validation.ProposalResult;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.support.retry.Backoff;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node's {@link ChainService}: the pure {@code BlockImporter} over PostgreSQL. Imports run on
 * one writer thread ({@link ChainWriter}: a caller's interrupt never reaches a commit) under one
 * lock (taken with a timeout); "now" comes from the injected {@link Clock};
 * signatures are verified on a pool of {@code verifierThreads}. {@link #status()} reads a snapshot
 * taken after each import, so it never waits for the lock.
 *
 * <p>{@link #importCheckedBlock} (the import pipeline's and sync's path) returns once the block is
 * connected in memory and lets its transaction commit on the store's thread while the next block is
 * imported ({@link PostgresChainStore#deferCommits}); its future, and the status, follow the commit.
 * Every other call returns with what it wrote committed.
 *
 * <p>If a write fails (the database went away, a constraint caught a bug), the in-memory tree may be
 * ahead of what was committed: the service reloads store and tree from the database at once (for a
 * deferred commit, as soon as its failure is known), and if that fails too, in the background (1 s,
 * doubling to 30 s) and before the next import. Corrupt stored data stops it until an operator
 * repairs the database.
 */
public final class NodeChainService implements ChainService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeChainService.class);

    private final NetworkParams params;
    private final JdbcTemplate jdbc;
    private final BlockFiles files;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final ChainEventSink events;
    private final Clock clock;
    private final ChainServiceSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final ChainVerification verification;
    private final ChainWriter writer;
    private final BlockBodyRules bodyRules;
    private final OrphanPool<WorkVerifiedBlock> orphans = OrphanPool.withDefaults();
    private final BlockAdmission admission;  // used under the lock only
    private volatile PostgresChainStore store;  // set once by start(); read by checkAndStoreBody on other threads
    private ChainEngine engine;
    private boolean needsReload;
    private final Backoff reloadRetries = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));  // under the lock
    /** The status and the active chain as of the last durable import, for readers without the lock. */
    private final AtomicReference<PublishedTip> published = new AtomicReference<>();
    private long publications;  // under the lock
    private volatile String refusal = "the chain service has not started";

    public NodeChainService(NetworkParams params, JdbcTemplate jdbc, TransactionTemplate transactions, BlockFiles files,
            ChainEventSink events, Clock clock, ChainServiceSettings settings) {
        this.params = params;
        this.jdbc = jdbc;
        this.files = files;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.writer = new ChainWriter(settings.importLockTimeout());
        this.verification = new ChainVerification(params, settings.verifierThreads(), settings.verifiedTransfers(), settings.expandedKeys());
        this.bodyRules = verification.bodyRules();
        this.admission = BlockAdmission.of(params);
    }

    /** Opens the store (writing genesis into an empty database), rebuilds the tree and starts serving. */
    public void start() {
        locked(() -> {
            store = PostgresChainStore.open(params, jdbc, transactions, files, events, settings.accountCacheSize());
            load();
            refusal = null;
            log.info("chain loaded: tip {} at height {}, {} blocks in the tree", store.tip(), store.storedTip().height(), engine.tree().size());
            return null;
        });
    }

    /** Refuses every call from now on with {@code reason} (the startup integrity check failed). */
    public void refuse(String reason) {
        refusal = reason;
    }

    /** Why the service refuses calls, or empty when it serves. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public BlockImportResult submitBlock(Block block) {
        return importing(() -> engine.importer().importBlock(block, clock.instant().getEpochSecond()));
    }

    /**
     * As {@link #submitBlock} for a block a peer sent unasked ({@code source} names it): an orphan
     * counts against that peer's quota in the orphan pool.
     */
    public BlockImportResult submitBlock(Block block, String source) {
        return importing(() -> engine.importer().importBlock(block, clock.instant().getEpochSecond(), source));
    }

    /**
     * As {@link #submitBlock(Block, String)} for a gossiped block whose proof of work the relay check
     * verified on this node ({@code BlockRelayCheck}): the import does not run that Argon2id again.
     */
    public BlockImportResult submitBlock(WorkVerifiedBlock verified, String source) {
        return importing(() -> engine.importer().importBlock(verified, clock.instant().getEpochSecond(), source));
    }

    /** Argon2id runs spent on orphans before admitting them (one per orphan offered with a well-formed target). */
    public long orphanPowChecks() {
        return admission.orphanPowChecks();
    }

    /** Signature checks of transfers in bodies this node checked (a counter, readable from any thread). */
    public long transfersVerified() {
        return bodyRules.transfersVerified();
    }

    /** The public keys the signature checks keep expanded, with their hit and miss counts (capacity 0: none kept). */
    public ExpandedKeyCache expandedKeys() {
        return verification.expandedKeys();
    }

    /** Transfers of checked bodies not verified again: they had passed alone here before (a counter). */
    public long transfersPassedBefore() {
        return bodyRules.transfersPassedBefore();
    }

    /**
     * The stateless transaction rules this node's block checks use; a transfer that passes them alone
     * (the API's and gossip's checks) is remembered, and a block carrying it does not verify it again.
     */
    public TransactionRules transactionRules() {
        return verification.transactionRules();
    }

    /** The least chain work a new header must reach to be stored unasked (see {@link BlockAdmission#workThreshold}). */
    public BigInteger workThreshold() {
        return readTree(tree -> admission.workThreshold(tree.entry(store.tip()).orElseThrow()));
    }


    /**
     * Checks a block's body — sizes, merkle root, every signature — without the import lock, so it
     * can run while other blocks are written ({@link BlockImportPipeline}). Pure work: for blocks
     * the node means to import (their headers known or their parents on the way), since it does not
     * look at the header first.
     */
    private CheckedBody checkBody(Block block) {
        requireServing();
        return bodyRules.checked(block);
    }

    /**
     * {@link #checkBody}, then — for a valid body — writes it to the database in its own
     * transaction (no import lock), so the block's import transaction does not carry its bytes: the
     * write overlaps the import of the blocks before it. If the write fails, the import writes the
     * body itself.
     */
    public CheckedBody checkAndStoreBody(Block block) {
        CheckedBody checked = checkBody(block);
        if (checked.rejection().isEmpty()) {
            try {
                store.storeBodyAhead(BlockHeaderCodec.id(block.header()), BlockCodec.encode(block), block.transactions().size());
            } catch (DataAccessException e) {
                log.debug("storing the body of block {} ahead failed; its import stores it: {}", block.height(), e.getMessage());
            }
        }
        return checked;
    }

    /** As {@link #submitBlock} for a block whose body {@link #checkBody} has checked. */
    public BlockImportResult submitCheckedBlock(CheckedBody checked) {
        return importing(() -> engine.importer().importBlock(checked, clock.instant().getEpochSecond()));
    }

    /**
     * As {@link #submitCheckedBlock}, but returns as soon as the block is connected in memory: its
     * transaction commits on the store's thread while the caller hands in the next block, whose state
     * rules then overlap that commit (at most one commit in flight). The future completes with the
     * result once everything the import wrote has committed — the status names the block only then —
     * and fails if the commit did (the chain then reloads from what committed). Its dependants run on
     * the store's notifying thread, never on the commit thread.
     *
     * @throws ChainUnavailableException as {@link #submitCheckedBlock} does, for what fails before the commit
     */
    public CompletableFuture<BlockImportResult> importCheckedBlock(CheckedBody checked) {
        return writer.run(() -> locked(() -> guarded(() -> {
            BlockImportResult result;
            store.deferCommits(true);
            try {
                result = engine.importer().importBlock(checked, clock.instant().getEpochSecond());
                store.flushTreeChanges();
            } finally {
                store.deferCommits(false);
            }
            PublishedTip tip = snapshot();
            return store.committed().handle((ignored, failure) -> {
                if (failure != null) {
                    writer.schedule(this::recoverFromDeferredCommit, Duration.ZERO);
                    throw new ChainUnavailableException("the block could not be stored: " + failure.getMessage(), failure);
                }
                publish(tip);
                return result;
            });
        })));
    }

    /**
     * Checks a candidate on the tip, on the {@link ChainWriter}'s thread like every import: it reads the
     * state from PostgreSQL, and a caller's interrupt (a miner that went away) must not close that
     * connection mid-read or reach the writer's lock.
     */
    @Override
    public ProposalResult proposeBlock(Block candidate) {
        return writer.run(() -> locked(() -> {
            requireServing();
            if (!candidate.header().previousId().equals(store.tip())) {
                return new ProposalResult.Stale(store.tip());
            }
            return engine.proposer().propose(candidate, store.state());
        }));
    }

    /** Checks and records a header without its body (headers-first sync); empty when accepted. */
    public Optional<BlockRejection> submitHeader(BlockHeader header) {
        return importing(() -> engine.importer().importHeader(header, clock.instant().getEpochSecond()));
    }

    /** As {@link #submitHeader}, for a header whose proof of work the caller has already verified. */
    public Optional<BlockRejection> submitHeaderWithVerifiedWork(BlockHeader header) {
        return importing(() -> engine.importer().importHeader(header, clock.instant().getEpochSecond(), false));
    }

    /** This node's clock, in seconds (for the future limit of headers checked outside the importer). */
    public long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /**
     * The active chain, genesis to the tip, as the last import left it: read without the import lock
     * (its headers never change), so a gossiped block can be checked against the tip while another
     * block is being imported.
     */
    public HeaderChain tipBranch() {
        requireServing();
        return published.get().branch();
    }

    @Override
    public ChainStatus status() {
        requireServing();
        return published.get().status();
    }

    /** Runs {@code reader} on the block tree under the import lock (locators, headers for peers). */
    public <T> T readTree(Function<BlockTree, T> reader) {
        return locked(() -> {
            requireServing();
            return reader.apply(engine.tree());
        });
    }

    /**
     * Runs an import on the {@link ChainWriter}'s thread, under the lock: the caller's interrupts never
     * reach it. It returns with everything written committed, a deferred commit before it included.
     */
    private <T> T importing(Supplier<T> work) {
        return writer.run(() -> locked(() -> guarded(() -> {
            T result = work.get();
            store.flushTreeChanges();
            store.awaitCommits();
            publish(snapshot());
            return result;
        })));
    }

    /**
     * Runs {@code work} (under the lock, on the writer thread) after any reload owed; a failed write
     * reloads the chain from what the database committed, corrupt data stops the service.
     */
    private <T> T guarded(Supplier<T> work) {
        requireServing();
        try {
            if (needsReload) {
                reload();
            }
            return work.get();
        } catch (CorruptChainDataException e) {
            refusal = e.getMessage();
            log.error("stopped importing: {}", e.getMessage());
            throw new ChainUnavailableException(e.getMessage(), e);
        } catch (RuntimeException e) {
            log.error("import failed; reloading the chain from what the database committed", e);
            recover();
            throw new ChainUnavailableException("the block could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * After a deferred commit failed: reloads unless an import has met the failure (and reloaded)
     * meanwhile, so the tree stops naming blocks the database does not hold even if nothing follows.
     */
    private void recoverFromDeferredCommit() {
        try {
            locked(() -> {
                if (refusal == null) {
                    try {
                        store.awaitCommits();
                    } catch (RuntimeException e) {
                        log.error("a block's deferred commit failed; reloading the chain from what the database committed", e);
                        recover();
                    }
                }
                return null;
            });
        } catch (ChainUnavailableException e) {
            log.warn("could not take the import lock to recover from a failed commit; the next import does: {}", e.getMessage());
        }
    }

    /**
     * Loads store and tree from the database, then finishes any move of the active chain that a
     * crash or a failed write interrupted (the tree may know a better, fully stored branch).
     */
    private void load() {
        engine = ChainEngine.load(store, jdbc, readOnly, orphans, bodyRules, verification.stateRules(), admission);
        List<ChainChange> resumed = engine.importer().activateBestChain();
        store.flushTreeChanges();
        if (!resumed.isEmpty()) {
            log.info("resumed moving the active chain: {} blocks disconnected and connected, tip {}", resumed.size(), store.tip());
        }
        publish(snapshot());
    }

    /**
     * After a failed write: reload now or, if the database is not back yet, retry in the background
     * (and before the next import), so the status stops naming a tip the database may not hold.
     */
    private void recover() {
        try {
            reload();
        } catch (RuntimeException e) {
            Duration delay = reloadRetries.failed();
            log.error("reloading the chain failed too; retrying in {} s and before the next import: {}", delay.toSeconds(), e.getMessage());
            writer.schedule(this::retryReload, delay);
        }
    }

    /** A background retry of {@link #recover}'s reload, unless an import has reloaded meanwhile. */
    private void retryReload() {
        try {
            locked(() -> {
                if (needsReload && refusal == null) {
                    reload();
                    log.info("chain reloaded from the database: tip {} at height {}", store.tip(), store.storedTip().height());
                }
                return null;
            });
        } catch (RuntimeException e) {
            Duration delay = reloadRetries.failed();
            log.error("reloading the chain failed again; retrying in {} s: {}", delay.toSeconds(), e.getMessage());
            writer.schedule(this::retryReload, delay);
        }
    }

    /** {@link #load}, remembering until it succeeds that it is owed. */
    private void reload() {
        needsReload = true;
        load();
        needsReload = false;
        reloadRetries.succeeded();
    }

    /**
     * The status and the active branch as the tree stands (under the lock), numbered in the order taken,
     * to be published once what they name has committed.
     */
    private PublishedTip snapshot() {
        BlockTree tree = engine.tree();
        BlockIndexEntry tip = tree.entry(store.tip()).orElseThrow();
        boolean behind = tree.bestHeaderTip().cumulativeWork().compareTo(tip.cumulativeWork()) > 0;
        HeaderChain branch = tree.branch(tip.id());
        ChainStatus status = new ChainStatus(tip.id(), tip.height(), tip.cumulativeWork(), tip.header().timestamp(),
                params.difficulty().algorithm().nextTarget(branch),
                behind ? ChainStatus.SyncState.SYNCING : ChainStatus.SyncState.SYNCED);
        return new PublishedTip(++publications, status, branch);
    }

    /** Publishes {@code tip} for readers that do not take the lock, unless one taken later is out already. */
    private void publish(PublishedTip tip) {
        published.accumulateAndGet(tip, (current, next) -> current == null || next.number() > current.number() ? next : current);
    }

    /** A status with the active chain it describes; {@code number} orders them as they were taken. */
    private record PublishedTip(long number, ChainStatus status, HeaderChain branch) {
    }

    private void requireServing() {
        String reason = refusal;
        if (reason != null) {
            throw new ChainUnavailableException(reason);
        }
    }

    private <T> T locked(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = lock.tryLock(settings.importLockTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting for the import lock", e);
        }
        if (!acquired) {
            throw new ChainUnavailableException("the chain is busy: the import lock was not free within " + settings.importLockTimeout());
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public NetworkParams params() {
        return params;
    }

    @Override
    public void close() {
        writer.close();
        if (store != null) {
            store.close();
        }
        verification.close();
    }
}
