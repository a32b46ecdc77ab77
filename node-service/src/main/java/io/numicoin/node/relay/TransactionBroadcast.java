package io.numicoin.node.relay;

import io.numicoin.protocol.tx.TransferTx;

/** Sends a transfer this node accepted to its peers (the transactions gossip topic). */
@FunctionalInterface
public interface TransactionBroadcast {

    /** No network (p2p disabled): nothing is sent. */
    TransactionBroadcast NONE = tx -> { };

    void broadcast(TransferTx tx);
}
