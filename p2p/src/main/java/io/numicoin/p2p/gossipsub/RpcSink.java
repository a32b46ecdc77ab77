package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.peer.PeerId;

/** Where the router's outgoing RPCs go: the host writes each to the peer's outbound pubsub stream. */
@FunctionalInterface
public interface RpcSink {

    /** Sends one RPC (already within the RPC size limit) to a peer; must not call back into the router. */
    void send(PeerId peer, Rpc rpc);
}
