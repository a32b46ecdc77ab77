package io.numicoin.node.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.validation.CheckedBody;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Imports a stream of blocks in the order they are submitted, checking the bodies of the next
 * {@code ahead} blocks (signatures on the chain service's verifier threads) and writing the valid
 * ones to the database while the current one is connected and written: signature checks and body
 * writes overlap the import instead of waiting for it. A block's import starts once the one before
 * it is connected in memory ({@link NodeChainService#importCheckedBlock}), so its state rules
 * overlap that block's commit.
 * Everything that depends on state still runs under the import lock, one block at a time, after
 * the block before it. For blocks the node means to import — a sync's requested bodies, a chain
 * being loaded — since bodies are checked before their headers (a block whose header turns out
 * invalid has had its signatures checked for nothing).
 *
 * <p>{@link #submit} blocks the caller while {@code ahead} blocks are waiting; the returned future
 * completes with the block's import result once it committed (or the chain service's exception). Thread-safe.
 */
public final class BlockImportPipeline implements AutoCloseable {

    private final Function<Block, CheckedBody> check;
    private final Function<CheckedBody, CompletableFuture<BlockImportResult>> importer;
    private final Semaphore room;
    private final ExecutorService checking;
    private final ExecutorService importing;
    /** The last block's import as far as the import thread takes it (connected in memory, its commit perhaps still running). */
    private CompletableFuture<?> lastStarted = CompletableFuture.completedFuture(null);

    /** Through {@code chain}: bodies checked and written ahead, imported under its lock, committed behind the next import. */
    public BlockImportPipeline(NodeChainService chain, int ahead) {
        this(chain::checkAndStoreBody, chain::importCheckedBlock, ahead);
    }

    /**
     * With {@code check} run on the checking threads and {@code importer} on the import thread, one
     * block at a time in submission order, the next one as soon as {@code importer} has returned (its
     * future completes when the block is durable; a benchmark's import without a database gives a
     * completed one).
     */
    public BlockImportPipeline(Function<Block, CheckedBody> check, Function<CheckedBody, CompletableFuture<BlockImportResult>> importer,
            int ahead) {
        if (ahead < 1) {
            throw new IllegalArgumentException("ahead must be at least 1");
        }
        this.check = check;
        this.importer = importer;
        this.room = new Semaphore(ahead + 1);
        this.checking = Executors.newFixedThreadPool(ahead, Thread.ofPlatform().name("numi-precheck-", 1).daemon().factory());
        this.importing = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("numi-import").daemon().factory());
    }

    /** Queues {@code block} after every block submitted before it; waits while the pipeline is full. */
    public synchronized CompletableFuture<BlockImportResult> submit(Block block) throws InterruptedException {
        room.acquire();
        CompletableFuture<CheckedBody> checked = CompletableFuture.supplyAsync(() -> check.apply(block), checking);
        CompletableFuture<CompletableFuture<BlockImportResult>> started = lastStarted
                .handle((previous, failure) -> null)  // after the previous block, whatever became of it
                .thenCombineAsync(checked, (ignored, body) -> importer.apply(body), importing);
        CompletableFuture<BlockImportResult> imported = started.thenCompose(Function.identity());
        imported.whenComplete((result, failure) -> room.release());
        lastStarted = started;
        return imported;
    }

    /** Stops both stages; blocks not yet imported are dropped (their futures do not complete). */
    @Override
    public void close() {
        checking.shutdownNow();
        importing.shutdownNow();
    }
}
