package io.numicoin.node.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One row of the node's address book ({@code peers}). */
public record PeerRecord(
        String address,
        Optional<String> peerId,
        Optional<String> agent,
        Optional<Instant> lastSeen,
        Optional<Instant> lastSuccess,
        int failures,
        Optional<Instant> bannedUntil,
        Optional<String> banReason) {

    public PeerRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(bannedUntil, "bannedUntil");
        Objects.requireNonNull(banReason, "banReason");
    }
}
