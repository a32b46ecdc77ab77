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
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private final ImportLock lock;
    private final ChainVerification verification;
    private final ChainWriter writer;
    private final BlockBodyRules bodyRules;
    private final OrphanPool<WorkVerifiedBlock> orphans = OrphanPool.withDefaults();
    private final BlockAdmission admission;  // used under the lock only
    private volatile PostgresChainStore store;  // set once by start(); read by checkAndStoreBody on other threads
    private ChainEngine engine;
    private final ChainReloader reloader;
    private final PublishedTips tips;
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
        this.lock = new ImportLock(settings.importLockTimeout());
        this.reloader = new ChainReloader(this::load, lock, writer, () -> refusal == null);
        this.verification = new ChainVerification(params, settings.verifierThreads(), settings.verifiedTransfers(), settings.expandedKeys());
        this.bodyRules = verification.bodyRules();
        this.admission = BlockAdmission.of(params);
        this.tips = new PublishedTips(params);
    }

    /** Opens the store (writing genesis into an empty database), rebuilds the tree and starts serving. */
    public void start() {
        lock.holding(() -> {
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
        return writer.run(() -> lock.holding(() -> guarded(() -> {
            BlockImportResult result;
            store.deferCommits(true);
            try {
                result = engine.importer().importBlock(checked, clock.instant().getEpochSecond());
                store.flushTreeChanges();
            } finally {
                store.deferCommits(false);
            }
            PublishedTips.Tip tip = snapshot();
            return store.committed().handle((ignored, failure) -> {
                if (failure != null) {
                    writer.schedule(this::recoverFromDeferredCommit, Duration.ZERO);
                    throw new ChainUnavailableException("the block could not be stored: " + failure.getMessage(), failure);
                }
                tips.publish(tip);
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
        return writer.run(() -> lock.holding(() -> {
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
        return tips.current().branch();
    }

    @Override
    public ChainStatus status() {
        requireServing();
        return tips.current().status();
    }

    /** Runs {@code reader} on the block tree under the import lock (locators, headers for peers). */
    public <T> T readTree(Function<BlockTree, T> reader) {
        return lock.holding(() -> {
            requireServing();
            return reader.apply(engine.tree());
        });
    }

    /**
     * Runs an import on the {@link ChainWriter}'s thread, under the lock: the caller's interrupts never
     * reach it. It returns with everything written committed, a deferred commit before it included.
     */
    private <T> T importing(Supplier<T> work) {
        return writer.run(() -> lock.holding(() -> guarded(() -> {
            T result = work.get();
            store.flushTreeChanges();
            store.awaitCommits();
            tips.publish(snapshot());
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
            reloader.reloadIfOwed();
            return work.get();
        } catch (CorruptChainDataException e) {
            refusal = e.getMessage();
            log.error("stopped importing: {}", e.getMessage());
            throw new ChainUnavailableException(e.getMessage(), e);
        } catch (RuntimeException e) {
            log.error("import failed; reloading the chain from what the database committed", e);
            reloader.recover();
            throw new ChainUnavailableException("the block could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * After a deferred commit failed: reloads unless an import has met the failure (and reloaded)
     * meanwhile, so the tree stops naming blocks the database does not hold even if nothing follows.
     */
    private void recoverFromDeferredCommit() {
        try {
            lock.holding(() -> {
                if (refusal == null) {
                    try {
                        store.awaitCommits();
                    } catch (RuntimeException e) {
                        log.error("a block's deferred commit failed; reloading the chain from what the database committed", e);
                        reloader.recover();
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
    private String load() {
        engine = ChainEngine.load(store, jdbc, readOnly, orphans, bodyRules, verification.stateRules(), admission);
        List<ChainChange> resumed = engine.importer().activateBestChain();
        store.flushTreeChanges();
        if (!resumed.isEmpty()) {
            log.info("resumed moving the active chain: {} blocks disconnected and connected, tip {}", resumed.size(), store.tip());
        }
        tips.publish(snapshot());
        return "tip " + store.tip() + " at height " + store.storedTip().height();
    }

    /** The status and the active branch as the tree stands (under the lock), to be published once they have committed. */
    private PublishedTips.Tip snapshot() {
        return tips.take(engine.tree(), store.tip());
    }

    private void requireServing() {
        String reason = refusal;
        if (reason != null) {
            throw new ChainUnavailableException(reason);
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
