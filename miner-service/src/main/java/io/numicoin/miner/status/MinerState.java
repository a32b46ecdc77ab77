package io.numicoin.miner.status;

/** What the mining job is doing; the health indicator maps it to a status. */
public enum MinerState {
    /** Started, no work built yet. */
    STARTING,
    /** Hashing on a current template. */
    MINING,
    /** The last attempt to get work failed; retrying with backoff (the detail says why). */
    RETRYING,
    /** {@code numi.miner.enabled=false}. */
    DISABLED
}
