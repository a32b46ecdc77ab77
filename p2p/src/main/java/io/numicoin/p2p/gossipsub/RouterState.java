package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import io.numicoin.p2p.gossipsub.score.PeerScore;
import io.numicoin.p2p.gossipsub.score.PeerScoreThresholds;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The state one gossipsub router keeps (peers and their topics, our subscriptions, mesh, fanout,
 * caches, backoffs), shared by the parts that act on it, with the few operations they all use.
 */
final class RouterState {

    /** What we know of one connected pubsub peer. */
    static final class PeerState {
        final GossipProtocol protocol;
        final boolean outbound;
        final InetAddress address;
        final Set<String> topics = new LinkedHashSet<>();

        PeerState(GossipProtocol protocol, boolean outbound, InetAddress address) {
            this.protocol = protocol;
            this.outbound = outbound;
            this.address = address;
        }
    }

    final PeerId self;
    final GossipConfig config;
    final GossipParams params;
    final PeerScoreThresholds thresholds;
    final PeerScore score;
    final InstantSource clock;
    final RandomGenerator random;
    final GossipListener listener;
    final Outbox outbox;
    final MessageCache mcache;
    final SeenCache seen;
    final Backoffs backoffs;
    final GossipPromises promises;

    final Map<PeerId, PeerState> peers = new LinkedHashMap<>();
    final Map<String, Set<PeerId>> topicPeers = new HashMap<>();
    final Map<String, MessageValidator> subscriptions = new LinkedHashMap<>();
    final Map<String, Set<PeerId>> mesh = new LinkedHashMap<>();
    final Map<String, Set<PeerId>> fanout = new LinkedHashMap<>();
    final Map<String, Long> fanoutLastPublished = new HashMap<>();
    /** IHAVEs received and message ids asked for, per peer, since the last heartbeat. */
    final Map<PeerId, Integer> ihavesReceived = new HashMap<>();
    final Map<PeerId, Integer> idsAsked = new HashMap<>();

    RouterState(PeerId self, GossipConfig config, InstantSource clock, RandomGenerator random, GossipListener listener) {
        this.self = self;
        this.config = config;
        this.params = config.params();
        this.thresholds = config.thresholds();
        this.score = new PeerScore(config.scoreParams(), clock);
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.outbox = new Outbox(config.rpcLimits());
        this.mcache = new MessageCache(params.mcacheLength(), params.mcacheGossip());
        this.seen = new SeenCache(params.seenTtl().toMillis(), params.seenMaxEntries());
        this.backoffs = new Backoffs(2 * params.heartbeatInterval().toMillis());
        this.promises = new GossipPromises(params.iwantFollowupTime().toMillis());
    }

    long now() {
        return clock.millis();
    }

    double scoreOf(PeerId peer) {
        return score.score(peer);
    }

    boolean isOutbound(PeerId peer) {
        PeerState state = peers.get(peer);
        return state != null && state.outbound;
    }

    /**
     * Up to {@code count} random peers subscribed to {@code topic} that pass {@code filter}, in a random
     * order.
     */
    List<PeerId> selectPeers(String topic, int count, Predicate<PeerId> filter) {
        List<PeerId> candidates = new ArrayList<>();
        for (PeerId peer : topicPeers.getOrDefault(topic, Set.of())) {
            if (filter.test(peer)) {
                candidates.add(peer);
            }
        }
        Collections.shuffle(candidates, random);
        return candidates.size() > count ? new ArrayList<>(candidates.subList(0, count)) : candidates;
    }

    /** Adds {@code peer} to our mesh for {@code topic} and tells it with a GRAFT. */
    void graft(String topic, PeerId peer) {
        mesh.get(topic).add(peer);
        score.graft(peer, topic);
        outbox.graft(peer, topic);
    }

    /** Removes {@code peer} from the mesh, starts a backoff and tells it with a PRUNE. */
    void prune(String topic, PeerId peer, boolean doPx, boolean unsubscribing) {
        Set<PeerId> members = mesh.get(topic);
        if (members != null) {
            members.remove(peer);
        }
        score.prune(peer, topic);
        long backoff = (unsubscribing ? params.unsubscribeBackoff() : params.pruneBackoff()).toMillis();
        backoffs.add(topic, peer, now(), backoff);
        outbox.prune(peer, makePrune(peer, topic, doPx, backoff));
    }

    /** A PRUNE for {@code peer}: with backoff and (if enabled and deserved) peer exchange for v1.1 peers. */
    Prune makePrune(PeerId peer, String topic, boolean doPx, long backoffMillis) {
        PeerState state = peers.get(peer);
        if (state == null || state.protocol == GossipProtocol.MESHSUB_1_0) {
            return new Prune(topic, List.of(), OptionalLong.empty());
        }
        List<PeerInfo> exchange = new ArrayList<>();
        if (doPx && params.doPx() && scoreOf(peer) >= 0) {
            for (PeerId candidate : selectPeers(topic, params.prunePeers(), p -> !p.equals(peer) && scoreOf(p) >= 0)) {
                exchange.add(new PeerInfo(Blob.of(candidate.toBytes()), null));
            }
        }
        return new Prune(topic, exchange, OptionalLong.of(backoffMillis / 1000));
    }
}
