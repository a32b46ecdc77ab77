package io.numicoin.mempool.pool;

/** What offering a transaction to the mempool did. */
public enum AddOutcome {
    /** It entered the pool. */
    ADDED,
    /** It entered the pool in place of a pending transaction of the same sender and nonce. */
    REPLACED,
    /** It was already pending: nothing changed. */
    DUPLICATE,
    /** It broke a rule ({@link AddResult#reason()}): nothing was added. */
    INVALID
}
