package io.numicoin.protocol.time;

/** Consensus constants of the block timestamp rules ({@link TimestampRule}). */
public final class TimeRules {

    /** The median time past is taken over this many blocks: the parent and its ancestors. */
    public static final int MEDIAN_TIME_SPAN = 11;

    /** How far a block's timestamp may run ahead of the validating node's clock, in seconds. */
    public static final long MAX_FUTURE_SECONDS = 300;

    private TimeRules() {
    }
}
