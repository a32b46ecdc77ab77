package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.node.chain.ChainStatus;
import io.numicoin.node.chain.ChainUnavailableException;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.chain.HeaderBatchCheck;
import io.numicoin.protocol.chain.WorkVerifiedBlock;
import io.numicoin.p2p.peer.PeerId;
import java.math.BigInteger;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.CheckedBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The chain as the network side sees it: every write (blocks and headers from peers) goes through
 * one import thread, in arrival order, so neither the network threads nor the sync loop ever wait
 * for the import lock. Bodies sync asked for are checked ahead — signatures verified on
 * {@code checkAhead} checking threads while the import thread writes the blocks before them — and
 * still imported on that one thread, in the order they were submitted. The sync view is read on
 * it too, so it always sees every write submitted before it. Reads for peers (headers to serve)
 * run on the caller's thread.
 */
public final class LocalChain implements AutoCloseable {

    /** A header of a batch the chain refused, and why. */
    public record HeaderFailure(int index, BlockRejection rejection) {
    }

    private final NodeChainService chain;
    private final HeaderBatchCheck headerCheck;
    private final ExecutorService importer;
    /** Checks requested bodies ahead of their import; null when they are checked on the import thread. */
    private final ExecutorService checking;

    /** @param checkAhead threads checking requested bodies ahead of their import (0: none, checked on import) */
    public LocalChain(NodeChainService chain, int checkAhead) {
        if (checkAhead < 0) {
            throw new IllegalArgumentException("checkAhead must not be negative");
        }
        this.chain = chain;
        this.headerCheck = new HeaderBatchCheck(chain.params());
        this.importer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("numi-p2p-import").daemon().factory());
        this.checking = checkAhead == 0 ? null
                : Executors.newFixedThreadPool(checkAhead, Thread.ofPlatform().name("numi-p2p-check-", 1).daemon().factory());
    }

    public Hash256 genesisId() {
        return chain.params().genesisId();
    }

    public NetworkParams params() {
        return chain.params();
    }

    /** The active chain as the last import left it, read without waiting for the imports queued ({@link NodeChainService#tipBranch}). */
    public HeaderChain tipBranch() {
        return chain.tipBranch();
    }

    /** This node's clock, in seconds. */
    public long nowSeconds() {
        return chain.nowSeconds();
    }

    public ChainStatusMessage status() {
        ChainStatus status = chain.status();
        return new ChainStatusMessage(genesisId(), status.tipId(), status.height(), status.cumulativeWork());
    }

    public boolean synced() {
        return chain.status().syncState() == ChainStatus.SyncState.SYNCED;
    }

    /** Imports {@code block} after every write submitted before it, checking its body on the import thread. */
    public CompletableFuture<BlockImportResult> submitBlock(Block block) {
        return CompletableFuture.supplyAsync(() -> chain.submitBlock(block), importer);
    }

    /** As {@link #submitBlock} for a block {@code peer} sent unasked: an orphan counts against the peer's quota. */
    public CompletableFuture<BlockImportResult> submitBlock(Block block, PeerId peer) {
        return CompletableFuture.supplyAsync(() -> chain.submitBlock(block, peer.toString()), importer);
    }

    /** As {@link #submitBlock(Block, PeerId)} for a gossiped block whose proof of work the relay check verified here. */
    public CompletableFuture<BlockImportResult> submitBlock(WorkVerifiedBlock verified, PeerId peer) {
        return CompletableFuture.supplyAsync(() -> chain.submitBlock(verified, peer.toString()), importer);
    }

    /** A headers response's cheap checks ({@link HeaderBatchCheck}) and the work threshold, in one read of the tree. */
    public record Precheck(HeaderBatchCheck.Verdict verdict, BigInteger workThreshold) {
    }

    /** Checks a headers response against the tree, behind the writes queued so far; nothing is stored. */
    public CompletableFuture<Precheck> precheckHeaders(List<BlockHeader> batch, List<Hash256> locator, List<BlockHeader> presynced,
            boolean full) {
        return CompletableFuture.supplyAsync(() -> chain.readTree(tree -> new Precheck(
                headerCheck.check(tree, batch, locator, presynced, full, chain.nowSeconds()), chain.workThreshold())), importer);
    }

    /**
     * Imports a body sync asked for (its header is in the tree) after every write submitted before
     * it, as {@link #submitBlock}, with its body checked (and, if valid, written) ahead: the check starts now on a checking
     * thread, and the import thread takes the verdict when the block's turn comes (waiting for it
     * if the check has not finished). The import thread goes on with the next block once this one is
     * connected in memory; the returned future completes when it committed, and fails if the check,
     * the import or the commit does.
     */
    public CompletableFuture<BlockImportResult> submitRequestedBlock(Block block) {
        if (checking == null) {
            return submitBlock(block);
        }
        CompletableFuture<CheckedBody> checked = CompletableFuture.supplyAsync(() -> chain.checkAndStoreBody(block), checking);
        return CompletableFuture.supplyAsync(() -> chain.importCheckedBlock(await(checked)), importer).thenCompose(Function.identity());
    }

    /** Imports headers whose proof of work the caller has verified, in order; stops at the first one refused. */
    public CompletableFuture<Optional<HeaderFailure>> submitHeadersWithVerifiedWork(List<BlockHeader> headers) {
        return CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < headers.size(); i++) {
                Optional<BlockRejection> rejection = chain.submitHeaderWithVerifiedWork(headers.get(i));
                if (rejection.isPresent()) {
                    return Optional.of(new HeaderFailure(i, rejection.get()));
                }
            }
            return Optional.<HeaderFailure>empty();
        }, importer);
    }

    /** The view sync works from, read behind any queued imports. */
    public CompletableFuture<ChainView> view(int window) {
        return CompletableFuture.supplyAsync(() -> chain.readTree(tree -> view(tree, window)), importer);
    }

    /** Whether the tree holds {@code id} (header or block). */
    public boolean knows(Hash256 id) {
        return chain.readTree(tree -> tree.contains(id));
    }

    /** Up to {@code max} headers of the active chain after the first locator id on it (genesis if none). */
    public List<BlockHeader> headersAfter(List<Hash256> locator, int max) {
        return chain.readTree(tree -> {
            Hash256 tip = chain.status().tipId();
            Hash256 fork = tree.findFork(locator, tip).orElse(tree.genesis().id());
            return tree.headersAfter(fork, tip, max);
        });
    }

    private ChainView view(BlockTree tree, int window) {
        Hash256 tip = chain.status().tipId();
        BlockIndexEntry tipEntry = tree.entry(tip).orElseThrow();
        BlockIndexEntry best = tree.bestHeaderTip();
        List<ChainView.WantedBlock> wanted = new ArrayList<>();
        if (!best.id().equals(tip)) {
            for (Hash256 id : tree.planReorg(tip, best.id()).connect()) {
                BlockIndexEntry entry = tree.entry(id).orElseThrow();
                if (!entry.status().hasData() && !tree.isBelowSnapshotBase(entry.height())) {  // none below a snapshot base
                    wanted.add(new ChainView.WantedBlock(id, entry.height(), entry.cumulativeWork()));
                    if (wanted.size() >= window) {
                        break;
                    }
                }
            }
        }
        List<Hash256> locator = tree.locator(best.id());
        if (locator.size() > SyncCodec.MAX_LOCATOR) {
            List<Hash256> trimmed = new ArrayList<>(locator.subList(0, SyncCodec.MAX_LOCATOR - 1));
            trimmed.add(locator.getLast());
            locator = trimmed;
        }
        return new ChainView(tip, tipEntry.cumulativeWork(), best.id(), best.cumulativeWork(), locator, wanted);
    }

    /** The check's verdict, on the import thread (interrupted when this closes). */
    private static CheckedBody await(CompletableFuture<CheckedBody> checked) {
        try {
            return checked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting for a body check", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ChainUnavailableException("the body check failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        importer.shutdownNow();
        if (checking != null) {
            checking.shutdownNow();
        }
    }
}
