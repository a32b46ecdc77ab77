package io.numicoin.explorer.stats;

/**
 * One of the next blocks as the mempool would fill them now ({@link MempoolProjection}): its
 * transfers, their bytes and fees, and the lowest, median and highest fee rate among them (base
 * units per 1,000 bytes). {@code index} 0 is the next block.
 */
public record ProjectedBlock(int index, int transactionCount, long bytes, long totalFees, long minFeeRate,
        long medianFeeRate, long maxFeeRate) {
}
