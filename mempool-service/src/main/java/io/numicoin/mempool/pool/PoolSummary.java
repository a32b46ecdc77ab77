package io.numicoin.mempool.pool;

import java.util.List;

/**
 * The pool at a glance.
 *
 * @param histogram buckets of fee rate [minFeeRate, 2 * minFeeRate), highest first; bucket 0 is [0, 1)
 */
public record PoolSummary(ChainTip tip, int count, long bytes, long maxBytes, long minFeeRate, List<Bucket> histogram) {

    public record Bucket(long minFeeRate, int count, long bytes) {
    }

    public PoolSummary {
        histogram = List.copyOf(histogram);
    }

    /** Summarises {@code pool}: buckets by powers of two of the fee rate. */
    public static PoolSummary of(Mempool pool) {
        List<PoolEntry> entries = pool.byRateDescending();
        int[] counts = new int[65];
        long[] bytes = new long[65];
        for (PoolEntry entry : entries) {
            int bucket = 64 - Long.numberOfLeadingZeros(entry.feeRate());
            counts[bucket]++;
            bytes[bucket] += entry.size();
        }
        List<Bucket> histogram = new java.util.ArrayList<>();
        for (int b = 64; b >= 0; b--) {
            if (counts[b] > 0) {
                histogram.add(new Bucket(b == 0 ? 0 : 1L << (b - 1), counts[b], bytes[b]));
            }
        }
        return new PoolSummary(pool.tip(), entries.size(), entries.stream().mapToLong(PoolEntry::size).sum(),
                pool.limits().maxBytes(), pool.minFeeRate(), histogram);
    }
}
