package io.numicoin.pool.pplns;

/** A recorded share as PPLNS sees it: its ledger id (order), payout address and difficulty. */
public record WeightedShare(long id, String address, long difficulty) {

    public WeightedShare {
        if (difficulty < 1) {
            throw new IllegalArgumentException("difficulty is at least 1: " + difficulty);
        }
    }
}
