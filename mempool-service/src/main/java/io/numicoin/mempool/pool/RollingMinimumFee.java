package io.numicoin.mempool.pool;

import java.time.Clock;
import java.time.Duration;

/**
 * The minimum fee rate to enter the pool: a static floor, raised after the pool had to evict (to
 * the evicted rate plus the floor) and decaying back exponentially with a half-life, as Bitcoin
 * Core's rolling minimum fee. Below half the floor the raised part snaps to zero. Not thread-safe:
 * the pool calls it under its lock.
 */
final class RollingMinimumFee {

    private final Clock clock;
    private final long floor;
    private final double halfLifeMillis;
    private double raised;
    private long updatedAt;

    RollingMinimumFee(Clock clock, long floor, Duration halfLife) {
        this.clock = clock;
        this.floor = floor;
        this.halfLifeMillis = halfLife.toMillis();
        this.updatedAt = clock.millis();
    }

    /** The minimum now: the floor, or the decayed raised rate if higher. */
    long current() {
        decay();
        return Math.max(floor, (long) Math.ceil(raised));
    }

    /** After evicting a transaction of {@code evictedRate}: newcomers must pay more than it did. */
    void raiseAbove(long evictedRate) {
        decay();
        raised = Math.max(raised, (double) evictedRate + Math.max(floor, 1));
    }

    private void decay() {
        long now = clock.millis();
        if (now > updatedAt && raised > 0) {
            raised *= Math.pow(0.5, (now - updatedAt) / halfLifeMillis);
            if (raised < floor / 2.0 || raised < 1) {
                raised = 0;
            }
        }
        updatedAt = Math.max(updatedAt, now);
    }
}
