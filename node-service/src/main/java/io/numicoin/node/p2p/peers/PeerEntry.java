package io.numicoin.node.p2p.peers;

import java.time.Instant;
import java.util.Optional;

/** One row of the address book. */
public record PeerEntry(
        String address,
        Optional<String> peerId,
        Optional<String> agent,
        String source,
        Instant firstSeen,
        Optional<Instant> lastSeen,
        Optional<Instant> lastSuccess,
        Optional<Instant> lastAttempt,
        int successes,
        int failures,
        long height,
        Optional<Instant> bannedUntil,
        Optional<String> banReason) {
}
