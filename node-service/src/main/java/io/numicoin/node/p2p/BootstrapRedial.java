package io.numicoin.node.p2p;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which bootstrap addresses to dial now, as Bitcoin Core treats {@code -addnode}: while the node has
 * no peer, every one of them on each round; while it has some, each configured peer that is not
 * connected, at most once per {@code whileConnected} (so a node whose neighbours came up before the
 * bootstrap peer does not stay in a partition without it). An address without {@code /p2p/<id>} can
 * not be told connected or not: it is dialled only while the node is alone. Not thread-safe: one
 * scheduler thread asks.
 */
final class BootstrapRedial {

    private final List<Multiaddr> bootstrap;
    private final Duration whileConnected;
    private final Map<Multiaddr, Instant> lastAttempt = new HashMap<>();

    BootstrapRedial(List<Multiaddr> bootstrap, Duration whileConnected) {
        this.bootstrap = List.copyOf(bootstrap);
        this.whileConnected = whileConnected;
    }

    /** The addresses to dial at {@code now}, given the peers connected; records them as attempted. */
    List<Multiaddr> due(Set<PeerId> connected, Instant now) {
        List<Multiaddr> due = new ArrayList<>();
        for (Multiaddr address : bootstrap) {
            Optional<PeerId> peer = address.peerId();
            boolean dial;
            if (connected.isEmpty()) {
                dial = true;
            } else if (peer.isEmpty() || connected.contains(peer.get())) {
                dial = false;
            } else {
                Instant last = lastAttempt.get(address);
                dial = last == null || !now.isBefore(last.plus(whileConnected));
            }
            if (dial) {
                lastAttempt.put(address, now);
                due.add(address);
            }
        }
        return due;
    }
}
