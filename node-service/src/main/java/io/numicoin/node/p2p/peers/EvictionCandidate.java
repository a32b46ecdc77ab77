package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What eviction knows of an inbound connection.
 *
 * @param minPing the lowest ping round trip seen, empty if never measured
 * @param lastUsefulBlock when the peer last sent a block new to us, empty if never
 */
public record EvictionCandidate(
        PeerId peer, String group, Instant connectedAt, Optional<Duration> minPing, Optional<Instant> lastUsefulBlock) {
}
