package io.numicoin.protocol.time;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;

/**
 * Consensus rule on a block's timestamp: it must be strictly after the median time past of the
 * branch it extends, and at most {@code maxFutureSeconds} ahead of the validating node's clock.
 * The clock is passed in; the rule reads no time of its own. The first part is a property of the
 * chain; the second depends on when a block is checked, so a block rejected as too far in the
 * future may be valid later.
 *
 * @param maxFutureSeconds the future limit; the consensus value is
 *     {@link TimeRules#MAX_FUTURE_SECONDS} ({@link #consensus()}), other values serve simulations
 */
public record TimestampRule(long maxFutureSeconds) {

    public TimestampRule {
        if (maxFutureSeconds < 0 || maxFutureSeconds > TimeRules.MAX_FUTURE_SECONDS) {
            throw new IllegalArgumentException("future limit out of range: " + maxFutureSeconds);
        }
    }

    /** The rule with the consensus future limit. */
    public static TimestampRule consensus() {
        return new TimestampRule(TimeRules.MAX_FUTURE_SECONDS);
    }

    /**
     * Checks {@code header}, the block extending {@code parentChain.tip()}.
     *
     * @param nowSeconds the validating node's time, Unix seconds
     */
    public TimestampCheck check(BlockHeader header, HeaderChain parentChain, long nowSeconds) {
        long medianTimePast = MedianTimePast.of(parentChain);
        long latestAllowed = nowSeconds + maxFutureSeconds;
        long timestamp = header.timestamp();
        TimestampCheck.Status status;
        if (timestamp <= medianTimePast) {
            status = TimestampCheck.Status.NOT_AFTER_MEDIAN_TIME_PAST;
        } else if (timestamp > latestAllowed) {
            status = TimestampCheck.Status.TOO_FAR_IN_FUTURE;
        } else {
            status = TimestampCheck.Status.VALID;
        }
        return new TimestampCheck(status, timestamp, medianTimePast, latestAllowed);
    }
}
