package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.peer.PeerId;
import java.util.HashMap;
import java.util.Map;

/**
 * PRUNE backoff (gossipsub v1.1): per topic and peer, the time before which neither side may
 * GRAFT again. Our own heartbeat waits {@code slackMillis} longer, to allow for the offset between
 * the two peers' heartbeats, so a regraft never lands inside the other side's backoff.
 */
final class Backoffs {

    private final Map<String, Map<PeerId, Long>> expiry = new HashMap<>();
    private final long slackMillis;

    Backoffs(long slackMillis) {
        this.slackMillis = slackMillis;
    }

    /** Sets the backoff to at least {@code nowMillis + durationMillis}. */
    void add(String topic, PeerId peer, long nowMillis, long durationMillis) {
        expiry.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, nowMillis + durationMillis, Math::max);
    }

    /** Whether a GRAFT from {@code peer} now would violate the backoff (the strict test). */
    boolean isActive(String topic, PeerId peer, long nowMillis) {
        return nowMillis < expiryOf(topic, peer);
    }

    /** The expiry, or {@code Long.MIN_VALUE} when there is none. */
    long expiryOf(String topic, PeerId peer) {
        Map<PeerId, Long> peers = expiry.get(topic);
        Long at = peers == null ? null : peers.get(peer);
        return at == null ? Long.MIN_VALUE : at;
    }

    /** Whether our heartbeat must still leave {@code peer} alone (the test with slack). */
    boolean blocksGraft(String topic, PeerId peer, long nowMillis) {
        long at = expiryOf(topic, peer);
        return at != Long.MIN_VALUE && nowMillis < at + slackMillis;
    }

    /** Forgets backoffs that even the slack has passed. */
    void expire(long nowMillis) {
        expiry.values().forEach(peers -> peers.values().removeIf(at -> at + slackMillis <= nowMillis));
        expiry.values().removeIf(Map::isEmpty);
    }
}
