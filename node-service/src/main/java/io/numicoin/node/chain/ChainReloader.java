package io.numicoin.node.chain;

import io.numicoin.support.retry.Backoff;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the chain service's store and tree from what the database committed after a failed write,
 * when the in-memory tree may be ahead of it: at once, or — if the database is not back yet — in the
 * background (1 s, doubling to 30 s) and before the next import, remembering until one succeeds that
 * a reload is owed. Called under the import lock; the background retries take it.
 */
final class ChainReloader {

    private static final Logger log = LoggerFactory.getLogger(ChainReloader.class);

    private final Supplier<String> load;
    private final ImportLock lock;
    private final ChainWriter writer;
    private final BooleanSupplier serving;
    private final Backoff retries = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));  // under the lock
    private boolean owed;  // under the lock

    /**
     * @param load    loads store and tree from the database, returning what it loaded (for the log)
     * @param serving whether the service still serves (a background retry stops when it does not)
     */
    ChainReloader(Supplier<String> load, ImportLock lock, ChainWriter writer, BooleanSupplier serving) {
        this.load = load;
        this.lock = lock;
        this.writer = writer;
        this.serving = serving;
    }

    /** Reloads if a reload is owed (before an import). */
    void reloadIfOwed() {
        if (owed) {
            reload();
        }
    }

    /** After a failed write: reload now or, if that fails too, retry in the background and before the next import. */
    void recover() {
        try {
            reload();
        } catch (RuntimeException e) {
            Duration delay = retries.failed();
            log.error("reloading the chain failed too; retrying in {} s and before the next import: {}", delay.toSeconds(), e.getMessage());
            writer.schedule(this::retry, delay);
        }
    }

    /** A background retry, unless an import has reloaded meanwhile. */
    private void retry() {
        try {
            lock.holding(() -> {
                if (owed && serving.getAsBoolean()) {
                    String loaded = reload();
                    log.info("chain reloaded from the database: {}", loaded);
                }
                return null;
            });
        } catch (RuntimeException e) {
            Duration delay = retries.failed();
            log.error("reloading the chain failed again; retrying in {} s: {}", delay.toSeconds(), e.getMessage());
            writer.schedule(this::retry, delay);
        }
    }

    private String reload() {
        owed = true;
        String loaded = load.get();
        owed = false;
        retries.succeeded();
        return loaded;
    }
}
