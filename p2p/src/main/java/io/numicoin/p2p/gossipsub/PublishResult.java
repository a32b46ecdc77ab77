package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;

/** What {@link GossipRouter#publish} did with an own message. */
public record PublishResult(Outcome outcome, Blob messageId, int peers) {

    public enum Outcome {
        /** Sent to {@link #peers()} peers (possibly 0: it then waits in the cache for gossip). */
        PUBLISHED,
        /** Its id is in the seen-cache: not sent again. */
        DUPLICATE,
        /** Over the message size limit: not sent. */
        TOO_LARGE
    }
}
