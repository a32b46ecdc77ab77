package io.numicoin.node.p2p.hooks;

import io.numicoin.p2p.peer.PeerId;

/**
 * What sync and gossip tell the peers package about each peer, besides penalties: blocks it gave
 * us (eviction protection), the height it reported (the address book), and whether a request or
 * gossip message from it fits its rate budget (a refusal is the implementation's to penalise).
 * Called from the sync thread, the gossip validators and the request handlers: implementations
 * must not block.
 */
public interface PeerActivity {

    /** Rate-limited inbound traffic, one budget per peer and kind. */
    enum Traffic { STATUS_REQUEST, HEADERS_REQUEST, BLOCK_REQUEST, BLOCK_GOSSIP, TRANSACTION_GOSSIP }

    /** {@code peer} sent a valid block this node did not have. */
    void usefulBlock(PeerId peer);

    /** {@code peer} reported its tip at {@code height} in the status exchange. */
    void reportedHeight(PeerId peer, long height);

    /** Whether one unit of {@code traffic} from {@code peer} may be served now. */
    boolean admit(PeerId peer, Traffic traffic);

    /** Without the peers package: nothing recorded, everything admitted. */
    PeerActivity NONE = new PeerActivity() {
        @Override
        public void usefulBlock(PeerId peer) {
        }

        @Override
        public void reportedHeight(PeerId peer, long height) {
        }

        @Override
        public boolean admit(PeerId peer, Traffic traffic) {
            return true;
        }
    };
}
