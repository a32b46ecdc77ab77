package io.numicoin.explorer.stats;

/**
 * The network's hash rate estimated from the active chain: the work (expected hashes) of the blocks
 * above {@code fromHeight} up to {@code toHeight} over the time between those two blocks. Null rate
 * while the span is not positive (too few blocks, or timestamps out of order).
 */
public record HashRateEstimate(long fromHeight, long toHeight, int blocks, long seconds, String work,
        Double hashesPerSecond, Double averageBlockSeconds) {
}
