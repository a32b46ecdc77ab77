package io.numicoin.gateway.route;

/** Who answers a public route: a node (load-balanced), the mempool, the explorer, or the gateway itself. */
public enum Backend {
    NODE, MEMPOOL, EXPLORER, GATEWAY
}
