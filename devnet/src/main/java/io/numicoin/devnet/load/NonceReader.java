package io.numicoin.devnet.load;

import io.numicoin.devnet.wallet.MempoolApi;
import io.numicoin.devnet.wallet.NextNonce;
import io.numicoin.devnet.wallet.NodeApi;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads an account's next nonce back from the network (the mempool's pending run, else the chain's
 * nonce + 1), asking the nodes in turn so one node down does not stop the load.
 */
public final class NonceReader {

    private final List<NodeApi> nodes;
    private final MempoolApi mempool;

    public NonceReader(List<NodeApi> nodes, MempoolApi mempool) {
        this.nodes = List.copyOf(nodes);
        this.mempool = mempool;
    }

    /** The next nonce, or empty when no node answered. */
    public OptionalLong next(String address) {
        for (NodeApi node : nodes) {
            try {
                return OptionalLong.of(NextNonce.of(node, mempool, address, note -> { }));
            } catch (IOException e) {
                // the next node
            }
        }
        return OptionalLong.empty();
    }
}
