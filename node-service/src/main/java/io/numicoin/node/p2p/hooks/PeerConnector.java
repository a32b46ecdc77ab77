package io.numicoin.node.p2p.hooks;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How other parts of the node (discovery, the address book) open and close peer connections
 * without touching the libp2p host. A connection made here gets the status exchange and sync
 * like any other.
 */
public interface PeerConnector {

    /** Dials {@code address} (a trailing {@code /p2p/<id>} must match); completes with the peer's id. */
    CompletableFuture<PeerId> dial(Multiaddr address);

    /** Closes every connection to {@code peer}. */
    CompletableFuture<Void> disconnect(PeerId peer);

    /** The peers connected now. */
    Set<PeerId> connectedPeers();

    /** The addresses this node listens on (bound, with real ports). */
    java.util.List<Multiaddr> listenAddresses();
}
