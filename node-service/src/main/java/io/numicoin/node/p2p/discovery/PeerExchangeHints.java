package io.numicoin.node.p2p.discovery;

import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.peer.PeerId;
import java.util.List;

/**
 * The {@link GossipListener} bean to give {@code GossipsubService.start}: forwards PRUNE
 * peer-exchange hints to {@link PeerExchange} once discovery is installed on the host (ignored
 * before). A bean of its own, without dependencies, so the p2p service can take it without a
 * dependency cycle with discovery.
 */
public final class PeerExchangeHints implements GossipListener {

    private volatile GossipListener target = GossipListener.NONE;

    void forwardTo(GossipListener listener) {
        this.target = listener;
    }

    @Override
    public void peerExchange(PeerId from, String topic, List<PeerId> peers) {
        target.peerExchange(from, topic, peers);
    }

    @Override
    public void graylisted(PeerId peer, double score) {
        target.graylisted(peer, score);
    }
}
