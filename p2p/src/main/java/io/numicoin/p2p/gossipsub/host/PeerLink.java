package io.numicoin.p2p.gossipsub.host;

import io.numicoin.p2p.gossipsub.GossipProtocol;
import io.numicoin.p2p.host.Stream;
import java.util.ArrayDeque;

/**
 * Our two pubsub streams with one peer (we write on our outbound one, read its inbound one) and
 * what we queued before the outbound stream was open. Touched only on the router's thread.
 */
final class PeerLink {

    /** Frames and bytes held while our outbound stream is being opened. */
    static final int MAX_QUEUED_FRAMES = 64;
    static final int MAX_QUEUED_BYTES = 8 << 20;

    Stream outbound;
    Stream inbound;
    boolean opening;
    boolean inRouter;
    GossipProtocol protocol;
    final ArrayDeque<byte[]> queued = new ArrayDeque<>();
    int queuedBytes;

    boolean queue(byte[] frame) {
        if (queued.size() >= MAX_QUEUED_FRAMES || queuedBytes + frame.length > MAX_QUEUED_BYTES) {
            return false;
        }
        queued.add(frame);
        queuedBytes += frame.length;
        return true;
    }
}
