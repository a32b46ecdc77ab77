package io.numicoin.pool.stratum;

import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.ShareVerdict;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks shares off the network threads: a fixed pool of validation threads (one Argon2 memory
 * each) behind a bounded queue. A full queue refuses the share as {@link ShareVerdict#BUSY}
 * instead of letting a flood queue unbounded work.
 */
final class ShareProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShareProcessor.class);

    private final ShareValidator validator;
    private final ShareListener listener;
    private final ThreadPoolExecutor executor;

    ShareProcessor(ShareValidator validator, ShareListener listener, int threads, int queue) {
        this.validator = validator;
        this.listener = listener;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().daemon().name("pool-share-", 0).factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Checks {@code share} and answers through {@code done} (on a validation thread, or at once when busy). */
    void submit(ShareSubmission share, Consumer<ShareResult> done) {
        try {
            executor.execute(() -> {
                ShareResult result;
                try {
                    result = validator.validate(share);
                } catch (RuntimeException e) {
                    log.warn("share check failed: {}", e.toString());
                    result = ShareResult.refused(ShareVerdict.BUSY);
                }
                try {
                    listener.checked(share, result);
                } catch (RuntimeException e) {
                    log.warn("recording a share failed: {}", e.toString());
                }
                done.accept(result);
            });
        } catch (RejectedExecutionException e) {
            ShareResult busy = ShareResult.refused(ShareVerdict.BUSY);
            listener.checked(share, busy);
            done.accept(busy);
        }
    }

    int queued() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
