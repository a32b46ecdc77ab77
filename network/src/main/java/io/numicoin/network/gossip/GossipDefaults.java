package io.numicoin.network.gossip;

import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.MessageIdFunction;
import io.numicoin.p2p.gossipsub.SignaturePolicy;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.host.Host;

/**
 * How NumiCoin runs gossipsub: StrictNoSign (blocks and transactions carry their own proofs; no
 * author, sequence number or signature on the message), and the message id is the SHA-256 of the
 * data (the pubsub default js-libp2p uses too), so the same block or transaction from two peers is
 * one message.
 */
public final class GossipDefaults {

    private GossipDefaults() {
    }

    public static GossipConfig config() {
        return GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN).withMessageIdFunction(MessageIdFunction.sha256OfData());
    }

    /** Starts gossipsub on {@code host} with {@link #config()}; {@code listener} hears PRUNE peer exchange and graylisting. */
    public static GossipsubService start(Host host, GossipListener listener) {
        return GossipsubService.start(host, config(), null, listener);
    }
}
