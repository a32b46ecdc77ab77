package io.numicoin.seed.crawl;

import io.numicoin.seed.peers.TcpAddress;

/**
 * One visit to a peer: connect, learn who it is and what it follows, ask it for more addresses,
 * disconnect. The crawler's only view of the network.
 */
public interface PeerProbe {

    /**
     * Visits {@code address} and reports what happened; blocks for at most the probe's own timeout.
     * Never throws for anything the peer does: unreachable, slow, lying or malformed peers are
     * reported as such.
     */
    ProbeReport probe(TcpAddress address) throws InterruptedException;
}
