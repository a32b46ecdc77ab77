package io.numicoin.node.chain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The chain's one lock: imports, tree reads and reloads hold it. Taken with a timeout, so a caller
 * meets a busy chain as a {@link ChainUnavailableException} instead of waiting without end.
 */
final class ImportLock {

    private final ReentrantLock lock = new ReentrantLock();
    private final Duration timeout;

    ImportLock(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Runs {@code work} holding the lock.
     *
     * @throws ChainUnavailableException if the lock was not free within the timeout, or the wait was interrupted
     */
    <T> T holding(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting for the import lock", e);
        }
        if (!acquired) {
            throw new ChainUnavailableException("the chain is busy: the import lock was not free within " + timeout);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
