package io.numicoin.pool.work;

/** What a submitted job id refers to. */
public sealed interface JobLookup {

    /** A job on the current tip: shares on it count. */
    record Live(PoolJob job) implements JobLookup {
    }

    /** A job this pool made on a tip that is no longer the tip. */
    record Stale() implements JobLookup {
    }

    /** No job with that id (never made, or forgotten). */
    record Unknown() implements JobLookup {
    }
}
