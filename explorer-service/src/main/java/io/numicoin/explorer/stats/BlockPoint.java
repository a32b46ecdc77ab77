package io.numicoin.explorer.stats;

/**
 * One active-chain block for the charts: its time, the seconds since its parent, its difficulty,
 * transactions and size, and the hash rate over the {@link ChainSeries#HASH_RATE_WINDOW} blocks up to
 * it (null where the window is not positive in time).
 */
public record BlockPoint(long height, long timestamp, Long intervalSeconds, double difficulty, int transactionCount,
        int size, Double hashesPerSecond) {
}
