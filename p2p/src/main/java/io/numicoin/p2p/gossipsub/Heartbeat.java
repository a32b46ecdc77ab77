package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gossipsub heartbeat: score decay and penalties for broken IWANT promises; per mesh topic,
 * pruning of negative-score peers, grafting up to D when under D_lo, pruning down to D when over
 * D_hi (keeping the D_score best and D_out outbound peers), the outbound quota and opportunistic
 * grafting; fanout expiry and refill; IHAVE gossip to D_lazy (or gossipFactor of the) peers outside
 * the mesh; then the message cache shifts.
 */
final class Heartbeat {

    private final RouterState state;
    private long ticks;

    Heartbeat(RouterState state) {
        this.state = state;
    }

    void run() {
        ticks++;
        long now = state.now();
        state.score.refresh();
        state.backoffs.expire(now);
        state.seen.expire(now);
        state.ihavesReceived.clear();
        state.idsAsked.clear();
        state.promises.takeBroken(now).forEach(state.score::addPenalty);

        Map<PeerId, Double> scores = new HashMap<>();
        for (PeerId peer : state.peers.keySet()) {
            scores.put(peer, state.scoreOf(peer));
        }
        for (Map.Entry<String, Set<PeerId>> entry : state.mesh.entrySet()) {
            maintainMesh(entry.getKey(), entry.getValue(), scores);
            emitGossip(entry.getKey(), entry.getValue(), scores);
        }
        maintainFanout(now, scores);
        state.mcache.shift();
    }

    private void maintainMesh(String topic, Set<PeerId> members, Map<PeerId, Double> scores) {
        GossipParams p = state.params;
        for (PeerId peer : List.copyOf(members)) {
            if (score(scores, peer) < 0) {
                state.prune(topic, peer, false, false);
            }
        }
        long now = state.now();
        if (members.size() < p.dLo()) {
            state.selectPeers(topic, p.d() - members.size(), peer -> !members.contains(peer)
                            && !state.backoffs.blocksGraft(topic, peer, now) && score(scores, peer) >= 0)
                    .forEach(peer -> state.graft(topic, peer));
        }
        if (members.size() > p.dHi()) {
            pruneOversubscribed(topic, members, scores);
        }
        if (members.size() >= p.dLo()) {
            long outbound = members.stream().filter(state::isOutbound).count();
            if (outbound < p.dOut()) {
                state.selectPeers(topic, (int) (p.dOut() - outbound), peer -> !members.contains(peer)
                                && state.isOutbound(peer) && !state.backoffs.blocksGraft(topic, peer, now)
                                && score(scores, peer) >= 0)
                        .forEach(peer -> state.graft(topic, peer));
            }
        }
        if (ticks % p.opportunisticGraftTicks() == 0 && members.size() > 1) {
            List<PeerId> byScore = new ArrayList<>(members);
            byScore.sort(Comparator.comparingDouble(peer -> score(scores, peer)));
            double median = score(scores, byScore.get(byScore.size() / 2));
            if (median < state.thresholds.opportunisticGraftThreshold()) {
                state.selectPeers(topic, p.opportunisticGraftPeers(), peer -> !members.contains(peer)
                                && !state.backoffs.blocksGraft(topic, peer, now) && score(scores, peer) > median)
                        .forEach(peer -> state.graft(topic, peer));
            }
        }
    }

    /** Keeps D peers: the D_score best, the rest at random, with at least D_out outbound if there are. */
    private void pruneOversubscribed(String topic, Set<PeerId> members, Map<PeerId, Double> scores) {
        GossipParams p = state.params;
        List<PeerId> ranked = new ArrayList<>(members);
        Collections.shuffle(ranked, state.random);
        ranked.sort(Comparator.comparingDouble((PeerId peer) -> score(scores, peer)).reversed());
        Collections.shuffle(ranked.subList(p.dScore(), ranked.size()), state.random);
        int outbound = (int) ranked.subList(0, p.d()).stream().filter(state::isOutbound).count();
        if (outbound < p.dOut()) {
            // bubble the kept outbound peers to the front, then enough of the others
            int keptToMove = outbound;
            for (int i = 1; i < p.d() && keptToMove > 0; i++) {
                if (state.isOutbound(ranked.get(i))) {
                    ranked.addFirst(ranked.remove(i));
                    keptToMove--;
                }
            }
            int needed = p.dOut() - outbound;
            for (int i = p.d(); i < ranked.size() && needed > 0; i++) {
                if (state.isOutbound(ranked.get(i))) {
                    ranked.addFirst(ranked.remove(i));
                    needed--;
                }
            }
        }
        for (PeerId peer : List.copyOf(ranked.subList(p.d(), ranked.size()))) {
            state.prune(topic, peer, true, false);
        }
    }

    private void maintainFanout(long now, Map<PeerId, Double> scores) {
        state.fanoutLastPublished.entrySet().removeIf(e -> {
            if (e.getValue() + state.params.fanoutTtl().toMillis() < now) {
                state.fanout.remove(e.getKey());
                return true;
            }
            return false;
        });
        double publishThreshold = state.thresholds.publishThreshold();
        for (Map.Entry<String, Set<PeerId>> entry : state.fanout.entrySet()) {
            String topic = entry.getKey();
            Set<PeerId> members = entry.getValue();
            Set<PeerId> subscribed = state.topicPeers.getOrDefault(topic, Set.of());
            members.removeIf(peer -> !subscribed.contains(peer) || score(scores, peer) < publishThreshold);
            if (members.size() < state.params.d()) {
                members.addAll(state.selectPeers(topic, state.params.d() - members.size(),
                        peer -> !members.contains(peer) && score(scores, peer) >= publishThreshold));
            }
            emitGossip(topic, members, scores);
        }
    }

    /** IHAVE of the topic's recent ids to max(D_lazy, gossipFactor × eligible) peers outside {@code exclude}. */
    private void emitGossip(String topic, Set<PeerId> exclude, Map<PeerId, Double> scores) {
        List<Blob> ids = state.mcache.gossipIds(topic);
        if (ids.isEmpty()) {
            return;
        }
        List<PeerId> eligible = new ArrayList<>();
        for (PeerId peer : state.topicPeers.getOrDefault(topic, Set.of())) {
            if (!exclude.contains(peer) && score(scores, peer) >= state.thresholds.gossipThreshold()) {
                eligible.add(peer);
            }
        }
        int target = Math.max(state.params.dLazy(), (int) (state.params.gossipFactor() * eligible.size()));
        Collections.shuffle(eligible, state.random);
        int maxIds = state.params.maxIHaveLength();
        for (PeerId peer : eligible.subList(0, Math.min(target, eligible.size()))) {
            List<Blob> peerIds = ids;
            if (ids.size() > maxIds) {
                List<Blob> shuffled = new ArrayList<>(ids);
                Collections.shuffle(shuffled, state.random);
                peerIds = shuffled.subList(0, maxIds);
            }
            state.outbox.ihave(peer, new IHave(topic, peerIds));
        }
    }

    private double score(Map<PeerId, Double> scores, PeerId peer) {
        Double cached = scores.get(peer);
        return cached != null ? cached : state.scoreOf(peer);
    }
}
