package io.numicoin.p2p.gossipsub.sim;

import io.numicoin.p2p.gossipsub.GossipRouter;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;

/** One router of a {@link SimNetwork}, with its id and address. */
public final class SimNode {

    public final PeerId id;
    public final InetAddress address;
    GossipRouter router;

    SimNode(PeerId id, InetAddress address) {
        this.id = id;
        this.address = address;
    }

    public GossipRouter router() {
        return router;
    }

    @Override
    public String toString() {
        return id.toBase58().substring(0, 12);
    }
}
