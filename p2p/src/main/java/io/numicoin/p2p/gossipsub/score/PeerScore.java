package io.numicoin.p2p.gossipsub.score;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.score.DeliveryRecords.Record;
import io.numicoin.p2p.gossipsub.score.DeliveryRecords.Status;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The gossipsub v1.1 peer score: counters fed by router events (graft, prune, first, near-first,
 * duplicate and invalid deliveries, behaviour penalties), decayed by {@link #refresh()}, and mixed
 * into {@code Score(p) = TopicCap(Σ tᵢ·(w₁P₁ + w₂P₂ + w₃P₃ + w₃ᵦP₃ᵦ + w₄P₄)) + w₅P₅ + w₆P₆ + w₇P₇}.
 * A disconnected peer with a non-positive score is remembered for {@code retainScore}, so it cannot
 * shed a bad score by reconnecting. Not thread-safe: the router owns it.
 */
public final class PeerScore {

    /** How a message that did not validate is counted. */
    public enum Rejection {
        /** Invalid: P4 for the sender and for everyone who sent it during validation. */
        INVALID,
        /** Neither delivered nor penalised (the application could not judge it). */
        IGNORED,
        /** Dropped before validation for lack of capacity: not counted at all. */
        THROTTLED
    }

    private static final long DELIVERY_RECORD_TTL_MILLIS = 120_000;
    private static final int MAX_DELIVERY_RECORDS = 200_000;

    private final PeerScoreParams params;
    private final InstantSource clock;
    private final Map<PeerId, PeerStats> peers = new HashMap<>();
    private final Map<InetAddress, Set<PeerId>> peersByAddress = new HashMap<>();
    private final DeliveryRecords deliveries = new DeliveryRecords(DELIVERY_RECORD_TTL_MILLIS, MAX_DELIVERY_RECORDS);
    private long lastDecayMillis;

    public PeerScore(PeerScoreParams params, InstantSource clock) {
        this.params = params;
        this.clock = clock;
        this.lastDecayMillis = clock.millis();
    }

    public PeerScoreParams params() {
        return params;
    }

    /** A peer connected (again: a retained score is picked up), seen at {@code address} (nullable). */
    public void addPeer(PeerId peer, InetAddress address) {
        PeerStats stats = peers.computeIfAbsent(peer, p -> new PeerStats());
        stats.connected = true;
        if (address != null && stats.addresses.add(address)) {
            peersByAddress.computeIfAbsent(address, a -> new HashSet<>()).add(peer);
        }
    }

    /** A peer disconnected: forgotten if its score is positive, else retained with its mesh penalties applied. */
    public void removePeer(PeerId peer) {
        PeerStats stats = peers.get(peer);
        if (stats == null) {
            return;
        }
        if (score(peer) > 0) {
            forget(peer, stats);
            return;
        }
        stats.topics.forEach((topic, topicStats) -> {
            topicStats.firstMessageDeliveries = 0;
            applyMeshFailure(topicStats, params.topics().get(topic));
            topicStats.inMesh = false;
        });
        stats.connected = false;
        stats.expireMillis = clock.millis() + params.retainScore().toMillis();
    }

    public void graft(PeerId peer, String topic) {
        TopicStats stats = topicStats(peer, topic);
        if (stats != null) {
            stats.inMesh = true;
            stats.graftTimeMillis = clock.millis();
            stats.meshMessageDeliveriesActive = false;
        }
    }

    public void prune(PeerId peer, String topic) {
        TopicStats stats = topicStats(peer, topic);
        if (stats != null) {
            applyMeshFailure(stats, params.topics().get(topic));
            stats.inMesh = false;
        }
    }

    /** The first copy of a message arrived from {@code from} and goes to validation. */
    public void validateMessage(PeerId from, Blob id) {
        deliveries.get(id, clock.millis()).peers.add(from);
    }

    /** The message validated: P2 (and P3) for the first deliverer, P3 for those who sent it meanwhile. */
    public void deliverMessage(PeerId from, Blob id, String topic) {
        long now = clock.millis();
        Record record = deliveries.get(id, now);
        markFirstDelivery(from, topic);
        if (record.status != Status.PENDING) {
            return;
        }
        record.status = Status.VALID;
        record.validatedMillis = now;
        for (PeerId peer : record.peers) {
            if (!peer.equals(from)) {
                markDuplicateDelivery(peer, topic, record, true);
            }
        }
    }

    /** The message did not validate, or was never validated ({@link Rejection}). */
    public void rejectMessage(PeerId from, Blob id, String topic, Rejection rejection) {
        if (rejection == Rejection.THROTTLED) {
            return;
        }
        Record record = deliveries.get(id, clock.millis());
        if (record.status != Status.PENDING) {
            return;
        }
        if (rejection == Rejection.IGNORED) {
            record.status = Status.IGNORED;
            record.peers.clear();
            return;
        }
        record.status = Status.INVALID;
        markInvalidDelivery(from, topic);
        for (PeerId peer : record.peers) {
            if (!peer.equals(from)) {
                markInvalidDelivery(peer, topic);
            }
        }
        record.peers.clear();
    }

    /** A message that breaks the topic's signature policy: P4 for the sender, no record kept. */
    public void invalidMessage(PeerId from, String topic) {
        markInvalidDelivery(from, topic);
    }

    /** Another copy of a message already seen arrived from {@code from}. */
    public void duplicateMessage(PeerId from, Blob id, String topic) {
        Record record = deliveries.get(id, clock.millis());
        switch (record.status) {
            case PENDING -> record.peers.add(from);
            case VALID -> {
                if (record.peers.add(from)) {
                    markDuplicateDelivery(from, topic, record, false);
                }
            }
            case INVALID -> markInvalidDelivery(from, topic);
            case IGNORED -> { }
        }
    }

    /** P7: adds {@code count} to the peer's behaviour penalty counter. */
    public void addPenalty(PeerId peer, int count) {
        PeerStats stats = peers.get(peer);
        if (stats != null) {
            stats.behaviourPenalty += count;
        }
    }

    /** Decays every counter if a decay interval has passed, forgets expired retained scores and records. */
    public void refresh() {
        long now = clock.millis();
        deliveries.expire(now);
        if (now - lastDecayMillis < params.decayInterval().toMillis()) {
            return;
        }
        lastDecayMillis = now;
        Iterator<Map.Entry<PeerId, PeerStats>> it = peers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<PeerId, PeerStats> entry = it.next();
            PeerStats stats = entry.getValue();
            if (!stats.connected && stats.expireMillis <= now) {
                removeAddresses(entry.getKey(), stats);
                it.remove();
                continue;
            }
            stats.topics.forEach((topic, topicStats) ->
                    topicStats.decay(params.topics().get(topic), params.decayToZero(), now));
            stats.behaviourPenalty = TopicStats.decayed(stats.behaviourPenalty, params.behaviourPenaltyDecay(),
                    params.decayToZero());
        }
    }

    /** The peer's current score; 0 for a peer never seen. */
    public double score(PeerId peer) {
        PeerStats stats = peers.get(peer);
        if (stats == null) {
            return 0;
        }
        long now = clock.millis();
        double score = 0;
        for (Map.Entry<String, TopicStats> entry : stats.topics.entrySet()) {
            TopicScoreParams topic = params.topics().get(entry.getKey());
            score += entry.getValue().score(topic, now) * topic.topicWeight();
        }
        if (params.topicScoreCap() > 0 && score > params.topicScoreCap()) {
            score = params.topicScoreCap();
        }
        score += params.appSpecificScore().applyAsDouble(peer) * params.appSpecificWeight();
        for (InetAddress address : stats.addresses) {
            if (params.ipColocationExempt().test(address)) {
                continue;
            }
            int sharing = peersByAddress.getOrDefault(address, Set.of()).size();
            if (sharing > params.ipColocationFactorThreshold()) {
                double surplus = sharing - params.ipColocationFactorThreshold();
                score += surplus * surplus * params.ipColocationFactorWeight();
            }
        }
        if (stats.behaviourPenalty > params.behaviourPenaltyThreshold()) {
            double excess = stats.behaviourPenalty - params.behaviourPenaltyThreshold();
            score += excess * excess * params.behaviourPenaltyWeight();
        }
        return score;
    }

    /** Peers (connected or retained) the scorer holds state for. */
    public int trackedPeers() {
        return peers.size();
    }

    private void markFirstDelivery(PeerId peer, String topic) {
        TopicStats stats = topicStats(peer, topic);
        if (stats == null) {
            return;
        }
        TopicScoreParams p = params.topics().get(topic);
        stats.firstMessageDeliveries = Math.min(stats.firstMessageDeliveries + 1, p.firstMessageDeliveriesCap());
        if (stats.inMesh) {
            stats.meshMessageDeliveries = Math.min(stats.meshMessageDeliveries + 1, p.meshMessageDeliveriesCap());
        }
    }

    private void markDuplicateDelivery(PeerId peer, String topic, Record record, boolean duringValidation) {
        TopicStats stats = topicStats(peer, topic);
        if (stats == null || !stats.inMesh) {
            return;
        }
        TopicScoreParams p = params.topics().get(topic);
        if (!duringValidation && clock.millis() - record.validatedMillis > p.meshMessageDeliveriesWindow().toMillis()) {
            return;
        }
        stats.meshMessageDeliveries = Math.min(stats.meshMessageDeliveries + 1, p.meshMessageDeliveriesCap());
    }

    private void markInvalidDelivery(PeerId peer, String topic) {
        TopicStats stats = topicStats(peer, topic);
        if (stats != null) {
            stats.invalidMessageDeliveries += 1;
        }
    }

    private static void applyMeshFailure(TopicStats stats, TopicScoreParams topic) {
        if (stats.inMesh) {
            stats.meshFailurePenalty += stats.deliveryDeficitSquared(topic);
        }
    }

    /** The peer's stats in a scored topic, or null if the topic is not scored or the peer unknown. */
    private TopicStats topicStats(PeerId peer, String topic) {
        PeerStats stats = peers.get(peer);
        if (stats == null || !params.topics().containsKey(topic)) {
            return null;
        }
        return stats.topics.computeIfAbsent(topic, t -> new TopicStats());
    }

    private void forget(PeerId peer, PeerStats stats) {
        removeAddresses(peer, stats);
        peers.remove(peer);
    }

    private void removeAddresses(PeerId peer, PeerStats stats) {
        for (InetAddress address : stats.addresses) {
            Set<PeerId> sharing = peersByAddress.get(address);
            if (sharing != null && sharing.remove(peer) && sharing.isEmpty()) {
                peersByAddress.remove(address);
            }
        }
    }

    /** Everything the scorer knows of one peer. */
    private static final class PeerStats {
        boolean connected;
        long expireMillis;
        final Map<String, TopicStats> topics = new HashMap<>();
        final Set<InetAddress> addresses = new HashSet<>();
        double behaviourPenalty;
    }
}
