package io.numicoin.miner.config;

/**
 * Whose chain tip the miner builds on ({@code numi.miner.view}).
 */
public enum MinerView {
    /**
     * The mempool's template and the tips of {@code numi.chain.v1} (the deployment's event source):
     * every miner of a deployment builds on the same tip. The default.
     */
    MEMPOOL,
    /**
     * Its upstream node's own active tip, polled every {@code numi.miner.template-poll}; the
     * mempool's transfers only while the mempool is on that tip, else a coinbase-only block; no
     * {@code numi.chain.v1} listener. A miner beside a node other than the event source: it
     * competes for the same heights as the others and its node's forks are its own.
     */
    NODE
}
