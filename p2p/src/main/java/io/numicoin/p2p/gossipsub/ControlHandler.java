package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Handles a peer's control message as gossipsub v1.1 prescribes: IHAVE (only from peers above the
 * gossip threshold, at most {@code maxIHaveMessages} per heartbeat and {@code maxIHaveLength} ids
 * asked for) answered by IWANT with a tracked promise; IWANT answered from the message cache within
 * the retransmission limit; GRAFT accepted unless unsubscribed (ignored), backed off (P7 penalty,
 * PRUNE), negative score or an over-full mesh and an inbound peer (PRUNE); PRUNE obeyed with its
 * backoff, and its peer exchange passed on as a hint when the pruner scores above acceptPX.
 */
final class ControlHandler {

    private final RouterState state;

    ControlHandler(RouterState state) {
        this.state = state;
    }

    void handle(PeerId from, ControlMessage control) {
        ihave(from, control.ihave());
        iwant(from, control.iwant());
        graft(from, control.graft());
        prune(from, control.prune());
    }

    private void ihave(PeerId from, List<IHave> ihaves) {
        if (ihaves.isEmpty() || state.scoreOf(from) < state.thresholds.gossipThreshold()) {
            return;
        }
        int received = state.ihavesReceived.merge(from, 1, Integer::sum);
        int asked = state.idsAsked.getOrDefault(from, 0);
        int maxIds = state.params.maxIHaveLength();
        if (received > state.params.maxIHaveMessages() || asked >= maxIds) {
            return;
        }
        Set<Blob> wanted = new LinkedHashSet<>();
        for (IHave ihave : ihaves) {
            if (!state.mesh.containsKey(ihave.topic())) {
                continue;
            }
            for (Blob id : ihave.messageIds()) {
                if (!state.seen.contains(id)) {
                    wanted.add(id);
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<Blob> request = new ArrayList<>(wanted);
        Collections.shuffle(request, state.random);
        if (request.size() > maxIds - asked) {
            request = new ArrayList<>(request.subList(0, maxIds - asked));
        }
        state.idsAsked.put(from, asked + request.size());
        state.promises.add(from, request, state.random, state.now());
        state.outbox.iwant(from, new IWant(request));
    }

    private void iwant(PeerId from, List<IWant> iwants) {
        if (iwants.isEmpty() || state.scoreOf(from) < state.thresholds.gossipThreshold()) {
            return;
        }
        Set<Blob> sent = new LinkedHashSet<>();
        for (IWant iwant : iwants) {
            for (Blob id : iwant.messageIds()) {
                if (!sent.add(id)) {
                    continue;
                }
                Message message = state.mcache.getForPeer(id, from, state.params.gossipRetransmission());
                if (message != null) {
                    state.outbox.message(from, message);
                }
            }
        }
    }

    private void graft(PeerId from, List<Graft> grafts) {
        long now = state.now();
        double score = state.scoreOf(from);
        for (Graft graft : grafts) {
            String topic = graft.topic();
            Set<PeerId> members = state.mesh.get(topic);
            if (members == null || members.contains(from)) {
                continue; // unknown topic: ignored (no PRUNE, no PX) as v1.1 spam protection asks
            }
            if (state.backoffs.isActive(topic, from, now)) {
                state.score.addPenalty(from, 1);
                long floodCutoff = state.backoffs.expiryOf(topic, from)
                        + state.params.graftFloodThreshold().toMillis() - state.params.pruneBackoff().toMillis();
                if (now < floodCutoff) {
                    state.score.addPenalty(from, 1);
                }
                refuse(topic, from, false);
            } else if (score < 0) {
                refuse(topic, from, false);
            } else if (members.size() >= state.params.dHi() && !state.isOutbound(from)) {
                refuse(topic, from, true);
            } else {
                members.add(from);
                state.score.graft(from, topic);
            }
        }
    }

    private void refuse(String topic, PeerId peer, boolean doPx) {
        long backoff = state.params.pruneBackoff().toMillis();
        state.backoffs.add(topic, peer, state.now(), backoff);
        state.outbox.prune(peer, state.makePrune(peer, topic, doPx, backoff));
    }

    private void prune(PeerId from, List<Prune> prunes) {
        double score = state.scoreOf(from);
        for (Prune prune : prunes) {
            String topic = prune.topic();
            Set<PeerId> members = state.mesh.get(topic);
            if (members == null) {
                continue;
            }
            if (members.remove(from)) {
                state.score.prune(from, topic);
            }
            state.backoffs.add(topic, from, state.now(), requestedBackoffMillis(prune));
            if (!prune.peers().isEmpty() && score >= state.thresholds.acceptPxThreshold()) {
                peerExchange(from, topic, prune.peers());
            }
        }
    }

    /** The pruner's backoff (unsigned seconds; 0 or absent: ours), capped at {@code maxBackoff}. */
    private long requestedBackoffMillis(Prune prune) {
        long seconds = prune.backoffSeconds().orElse(0);
        if (seconds == 0) {
            return state.params.pruneBackoff().toMillis();
        }
        long max = state.params.maxBackoff().toSeconds();
        return (seconds < 0 || seconds > max ? max : seconds) * 1000;
    }

    private void peerExchange(PeerId from, String topic, List<PeerInfo> infos) {
        List<PeerId> hints = new ArrayList<>();
        for (PeerInfo info : infos) {
            if (hints.size() >= state.params.prunePeers() || info.peerId() == null) {
                continue;
            }
            try {
                PeerId peer = PeerId.fromBytes(info.peerId().toArray());
                if (!peer.equals(state.self) && !state.peers.containsKey(peer) && !hints.contains(peer)) {
                    hints.add(peer);
                }
            } catch (IllegalArgumentException malformed) {
                // a PX entry we cannot read is skipped; PX is only a hint
            }
        }
        if (!hints.isEmpty()) {
            state.listener.peerExchange(from, topic, List.copyOf(hints));
        }
    }
}
