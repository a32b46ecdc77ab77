package io.numicoin.node.p2p.peers;

import io.numicoin.events.EventType;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.PeerObservation.Outcome;
import io.numicoin.events.PrintableAscii;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes {@code numi.peers.v1} {@link PeerObservation}s through the node's {@link EventOutbox}
 * (so only the deployment's event source publishes), at most one per peer and outcome per
 * {@code minInterval}: a peer that reconnects in a loop does not flood the topic. A failed dial of an
 * address without {@code /p2p/} is keyed by the address itself. Blocking (a database transaction):
 * call it off event loops.
 */
public final class PeerObservationPublisher {

    private record Key(String subject, Outcome outcome) {
    }

    private final EventOutbox outbox;
    private final Clock clock;
    private final Duration minInterval;
    private final Map<Key, Instant> lastPublished = new ConcurrentHashMap<>();

    public PeerObservationPublisher(EventOutbox outbox, Clock clock, Duration minInterval) {
        this.outbox = outbox;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    /** @return whether an event was written (false when rate-limited or this node does not publish) */
    public boolean observe(Multiaddr address, Optional<PeerId> peer, String agent, long height, Outcome outcome) {
        String addressText = PrintableAscii.sanitize(address.withoutPeerId().toString(), PeerObservation.MAX_ADDRESS_CHARS);
        String peerText = peer.or(address::peerId).map(PeerId::toBase58)
                .orElse(PrintableAscii.sanitize(addressText, PeerObservation.MAX_PEER_ID_CHARS));
        Instant now = clock.instant();
        Key key = new Key(peerText, outcome);
        boolean[] due = {false};
        lastPublished.compute(key, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(minInterval))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (!due[0]) {
            return false;
        }
        String agentText = PrintableAscii.sanitize(agent, PeerObservation.MAX_AGENT_CHARS);
        long at = now.toEpochMilli();
        return outbox.publish(EventType.PEER_OBSERVED, meta -> new PeerObservation(meta, addressText, peerText, agentText,
                Math.max(0, height), outcome, at)).isPresent();
    }

    /** Forgets rate-limit entries older than the interval (call now and then). */
    public void prune() {
        Instant cutoff = clock.instant().minus(minInterval);
        lastPublished.values().removeIf(t -> t.isBefore(cutoff));
    }
}
