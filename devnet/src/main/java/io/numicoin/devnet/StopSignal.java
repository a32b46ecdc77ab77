package io.numicoin.devnet;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set once SIGINT or SIGTERM arrives (or a service fails): every wait of the launcher checks it,
 * so a Ctrl-C during startup stops as cleanly as one after {@code ready:}.
 */
public final class StopSignal {

    /** Thrown out of a wait when a stop was requested. */
    public static final class StopRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopRequested(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CountDownLatch latch = new CountDownLatch(1);
    private volatile String reason;

    public void request(String why) {
        if (reason == null) {
            reason = why;
        }
        latch.countDown();
    }

    public boolean requested() {
        return latch.getCount() == 0;
    }

    public String reason() {
        return reason;
    }

    /** Sleeps up to {@code millis}; throws {@link StopRequested} if a stop was requested before or meanwhile. */
    public void pause(long millis) {
        try {
            if (latch.await(millis, TimeUnit.MILLISECONDS)) {
                throw new StopRequested(reason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested("interrupted");
        }
    }

    /** Waits until a stop is requested. */
    public void await() throws InterruptedException {
        latch.await();
    }
}
