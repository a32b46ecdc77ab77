package io.numicoin.explorer.stats;

/**
 * One bar of the mempool's fee-rate histogram: the pending transfers whose fee rate (base units per
 * 1,000 encoded bytes) is at least {@code fromFeeRate} and below {@code toFeeRate} (null: no upper bound).
 */
public record FeeRateBucket(long fromFeeRate, Long toFeeRate, long count, long bytes) {
}
