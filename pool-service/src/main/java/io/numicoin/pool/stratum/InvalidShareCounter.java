package io.numicoin.pool.stratum;

import java.time.Duration;

/** Invalid shares of one connection in fixed windows; {@link #strike} says when the limit is reached. */
final class InvalidShareCounter {

    private final long window;
    private final int limit;
    private long windowStart;
    private int count;

    InvalidShareCounter(Duration window, int limit, long nowNanos) {
        this.window = window.toNanos();
        this.limit = limit;
        this.windowStart = nowNanos;
    }

    /** Counts one invalid share; true when the window now holds {@code limit} of them. */
    synchronized boolean strike(long nowNanos) {
        if (nowNanos - windowStart > window) {
            windowStart = nowNanos;
            count = 0;
        }
        return ++count >= limit;
    }
}
