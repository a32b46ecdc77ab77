package io.numicoin.explorer.stats;

import java.util.List;

/**
 * The mempool as the read model knows it from {@code numi.mempool.v1}: pending transfers, their
 * encoded bytes and fees, the fee-rate histogram and the projected next blocks. {@code projectedFrom}
 * is how many pending transfers (the best-paying ones) the projection considered.
 */
public record MempoolSummary(long count, long bytes, long totalFees, List<FeeRateBucket> feeHistogram,
        List<ProjectedBlock> projectedBlocks, int projectedFrom) {
}
