package io.numicoin.node.chain;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one thread that writes the chain. Callers hand it their import and wait; an interrupt of a
 * caller (an HTTP client that went away, a timed-out request) ends the caller's wait and never
 * reaches the import. Without it, an interrupt arriving during a commit closed PostgreSQL's socket
 * ("Closed by interrupt"): the commit's outcome was unknown, and the reload that followed failed on
 * the same interrupt, so the node served a stale tip until the next import.
 *
 * <p>Work not started within {@code startTimeout} is withdrawn and the caller told the chain is busy;
 * work that has started is waited for to its end.
 */
final class ChainWriter implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;
    private final Duration startTimeout;
    private volatile Thread thread;

    ChainWriter(Duration startTimeout) {
        this.startTimeout = startTimeout;
        ThreadFactory factory = Thread.ofPlatform().name("numi-chain-writer").daemon().factory();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = factory.newThread(r);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code work} on the writer thread (directly when called from it) and returns its result. */
    <T> T run(Supplier<T> work) {
        if (Thread.currentThread() == thread) {
            return work.get();
        }
        Future<T> future;
        try {
            future = executor.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new ChainUnavailableException("the chain service is shutting down", e);
        }
        try {
            try {
                return future.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (future.cancel(false)) {
                    throw new ChainUnavailableException("the chain is busy: the import did not start within " + startTimeout);
                }
                return future.get();  // started: it runs to its end, and so does the wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting for the import; the import itself carries on", e);
        } catch (CancellationException e) {
            throw new ChainUnavailableException("the import was withdrawn: the chain service is shutting down", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Runs {@code task} on the writer thread after {@code delay}. */
    void schedule(Runnable task, Duration delay) {
        if (!executor.isShutdown()) {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Lets the running import finish (up to 30 s), drops what is queued or scheduled. */
    @Override
    public void close() {
        executor.shutdown();
        for (Runnable queued : executor.getQueue().toArray(Runnable[]::new)) {
            if (queued instanceof Future<?> future) {
                future.cancel(false);  // its caller hears the service is shutting down
            }
        }
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
