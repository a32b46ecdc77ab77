package io.numicoin.pool.ledger;

/** Where a block the pool found stands. */
public enum BlockStatus {
    /** The node took it; its reward is not mature yet. */
    SUBMITTED,
    /** The node refused it (its credits are never paid). */
    REJECTED,
    /** It left the active chain. */
    ORPHANED,
    /** Buried under the coinbase maturity: its credits may be paid. */
    MATURE
}
