package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.peer.PeerId;
import java.time.Instant;
import java.util.Objects;

/** A timed ban of a peer: refused at every stage of a connection until {@code until}. */
public record Ban(PeerId peer, Instant until, String reason) {

    public Ban {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
