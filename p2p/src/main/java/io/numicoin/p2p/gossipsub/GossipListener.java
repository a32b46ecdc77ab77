package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.peer.PeerId;
import java.util.List;

/** Router events the host may act on. Default methods do nothing. */
public interface GossipListener {

    /**
     * A well-scored peer pruned us from a topic's mesh and suggested these peers (peer exchange). A
     * hint only: the host may dial them through its own discovery and connection limits.
     */
    default void peerExchange(PeerId from, String topic, List<PeerId> peers) {
    }

    /** A peer's RPCs are being ignored because its score fell below the graylist threshold. */
    default void graylisted(PeerId peer, double score) {
    }

    GossipListener NONE = new GossipListener() {
    };
}
