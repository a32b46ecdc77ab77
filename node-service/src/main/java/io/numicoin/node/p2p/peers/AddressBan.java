package io.numicoin.node.p2p.peers;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/** A timed ban of an IP address (the one a banned peer connected from): its inbound sockets are closed on accept. */
public record AddressBan(InetAddress address, Instant until, String reason) {

    public AddressBan {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
