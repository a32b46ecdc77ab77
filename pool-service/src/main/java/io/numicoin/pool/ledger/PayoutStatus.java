package io.numicoin.pool.ledger;

/** Where a payout transaction stands. */
public enum PayoutStatus {
    /** The node accepted it; not in a block yet. */
    SENT,
    /** In a block of the active chain. */
    CONFIRMED,
    /** Refused or expired: its credits are free to be paid again. */
    FAILED
}
