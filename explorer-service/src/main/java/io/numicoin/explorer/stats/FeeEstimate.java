package io.numicoin.explorer.stats;

/**
 * The fee rate (base units per 1,000 encoded bytes) that should confirm a transfer within
 * {@code target} blocks, and what it was read from ({@link FeeEstimates}).
 */
public record FeeEstimate(int target, long feeRate, Basis basis) {

    /** Where an estimate came from, the mempool service's order of preference. */
    public enum Basis {
        /** The projected blocks: the lowest fee rate of the target's block, outbid by one. */
        MEMPOOL,
        /** The median over recent blocks of the lowest fee rate each included. */
        RECENT_BLOCKS,
        /** Nothing to outbid: the mempool's minimum fee rate. */
        MINIMUM
    }
}
