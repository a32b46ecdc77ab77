package io.numicoin.node.storage;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chain store's deferred transactions: each runs on the store's own thread ({@code numi-chain-commit})
 * while the import goes on with the next block, at most one at a time, every one started only after
 * the one before it committed ({@link #defer} waits for it). A deferred transaction that failed is
 * thrown to the next {@link #await} — and to every one after it until {@link #reset}: nothing may be
 * built on a state that did not commit, so the store must be reloaded.
 *
 * <p>{@link #committed} hands the outcome to callers on a second thread ({@code numi-chain-committed}):
 * what they chain on it may block (take the import lock, say) without holding up the commit thread,
 * which the import lock's holder may be waiting for.
 *
 * <p>Used under the chain service's import lock; the threads start with the first deferred transaction.
 */
final class CommitQueue implements AutoCloseable {

    private static final CompletableFuture<Void> NONE = CompletableFuture.completedFuture(null);

    private ExecutorService commitThread;
    private ExecutorService notifyThread;
    private CompletableFuture<Void> inFlight = NONE;
    private RuntimeException failure;

    /** Waits for the transaction in flight, then starts {@code transaction} on the commit thread and returns at once. */
    void defer(Runnable transaction) {
        await();
        if (commitThread == null) {
            commitThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("numi-chain-commit").daemon().factory());
            notifyThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("numi-chain-committed").daemon().factory());
        }
        inFlight = CompletableFuture.runAsync(transaction, commitThread);
    }

    /**
     * Waits until no deferred transaction is in flight.
     *
     * @throws DeferredCommitException if one failed since the last {@link #reset}
     */
    void await() {
        if (failure == null) {
            try {
                inFlight.join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                if (cause instanceof Error error) {
                    throw error;
                }
                failure = new DeferredCommitException("a block's deferred commit failed: " + cause.getMessage(), cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Completes, on the notifying thread, when the last deferred transaction has committed; fails with its failure. */
    CompletableFuture<Void> committed() {
        return inFlight == NONE ? NONE : inFlight.whenCompleteAsync((ignored, failed) -> { }, notifyThread);
    }

    /** After a reload: waits for the transaction in flight (whatever became of it) and forgets any failure. */
    void reset() {
        try {
            inFlight.join();
        } catch (CompletionException | CancellationException e) {
            // the reload reads what the database committed, whichever way this ended
        }
        inFlight = NONE;
        failure = null;
    }

    /** Lets the transaction in flight commit (up to 30 s), then stops both threads. */
    @Override
    public void close() {
        if (commitThread == null) {
            return;
        }
        commitThread.shutdown();
        notifyThread.shutdown();
        try {
            if (!commitThread.awaitTermination(30, TimeUnit.SECONDS)) {
                commitThread.shutdownNow();
            }
            notifyThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A deferred transaction did not commit: what was built on it in memory is void until the store reloads. */
    static final class DeferredCommitException extends RuntimeException {
        DeferredCommitException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
