package io.numicoin.pool.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker's counters and recent accepted difficulty, in one-minute buckets over the hash-rate
 * window (a worker's hash rate is the difficulty it proved per second).
 */
final class WorkerStats {

    private final long[] buckets;
    private final long[] bucketMinute;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();
    volatile long lastShareMillis;

    WorkerStats(int minutes) {
        buckets = new long[minutes];
        bucketMinute = new long[minutes];
    }

    synchronized void add(long difficulty, long nowMillis) {
        long minute = nowMillis / 60_000;
        int i = (int) (minute % buckets.length);
        if (bucketMinute[i] != minute) {
            bucketMinute[i] = minute;
            buckets[i] = 0;
        }
        buckets[i] += difficulty;
        lastShareMillis = nowMillis;
    }

    /** Hashes per second over the window (the current minute counted as a whole one). */
    synchronized double hashrate(long nowMillis) {
        long minute = nowMillis / 60_000;
        long sum = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (minute - bucketMinute[i] < buckets.length) {
                sum += buckets[i];
            }
        }
        return sum / (buckets.length * 60.0);
    }
}
