package io.numicoin.miner.job;

import java.time.Duration;

/**
 * How long the job rests after a found block (regtest only, {@code numi.miner.pacing.*}): blocks
 * below {@code fromHeight} follow each other at full speed; from there on, the next block is
 * mined no sooner than {@code interval} after the previous one was found.
 */
public record BlockPacing(Duration interval, long fromHeight) {

    /** No pause ever: mine as fast as the hardware allows. */
    public static final BlockPacing NONE = new BlockPacing(Duration.ZERO, 0);

    public BlockPacing {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("pacing interval must not be negative: " + interval);
        }
        if (fromHeight < 0) {
            throw new IllegalArgumentException("pacing from-height must not be negative: " + fromHeight);
        }
    }

    /**
     * The pause before mining the next block, for a block at {@code height} found at
     * {@code foundNanos} when the clock now reads {@code nowNanos} ({@link System#nanoTime()} values).
     */
    public Duration pauseAfter(long height, long foundNanos, long nowNanos) {
        if (interval.isZero() || height < fromHeight) {
            return Duration.ZERO;
        }
        long left = interval.toNanos() - (nowNanos - foundNanos);
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
}
