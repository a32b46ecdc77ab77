package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * A gossipsub v1.1 router (libp2p/specs pubsub/gossipsub), pure and clock-driven: it owns no thread,
 * reads time only from its {@link InstantSource} and randomness only from its generator. The host
 * calls it from one thread (or serialises the calls): peers coming and going, RPCs received,
 * subscribe/publish, and {@link #heartbeat()} every {@code heartbeatInterval}. The router answers
 * through its {@link RpcSink}. Asynchronous validation verdicts come back through the
 * {@code executor}, which must run them on the router's thread.
 */
public final class GossipRouter {

    private final RouterState state;
    private final RpcSink sink;
    private final Executor executor;
    private final MessagePipeline pipeline;
    private final ControlHandler control;
    private final Heartbeat heartbeat;

    private GossipRouter(Builder b) {
        this.state = new RouterState(b.self, b.config, b.clock, b.random, b.listener);
        this.sink = b.sink;
        this.executor = b.executor;
        this.pipeline = new MessagePipeline(state, b.signer,
                (id, result) -> executor.execute(() -> validated(id, result)));
        this.control = new ControlHandler(state);
        this.heartbeat = new Heartbeat(state);
    }

    public static Builder builder(PeerId self, GossipConfig config, RpcSink sink) {
        return new Builder(self, config, sink);
    }

    /** A pubsub stream pair with {@code peer} is up: it learns our subscriptions. */
    public void addPeer(PeerId peer, GossipProtocol protocol, boolean outbound, InetAddress address) {
        if (state.peers.containsKey(peer) || peer.equals(state.self)) {
            return;
        }
        state.peers.put(peer, new RouterState.PeerState(protocol, outbound, address));
        state.score.addPeer(peer, address);
        for (String topic : state.subscriptions.keySet()) {
            state.outbox.subscription(peer, new Rpc.SubOpts(true, topic));
        }
        flush();
    }

    /** The peer is gone: it leaves every topic, mesh and fanout; its score is kept for a while if bad. */
    public void removePeer(PeerId peer) {
        RouterState.PeerState gone = state.peers.remove(peer);
        if (gone == null) {
            return;
        }
        for (String topic : gone.topics) {
            leaveTopic(peer, topic);
        }
        state.score.removePeer(peer);
        state.outbox.discard(peer);
    }

    /** One RPC from {@code from}; everything of a graylisted peer is ignored. */
    public void handleRpc(PeerId from, Rpc rpc) {
        RouterState.PeerState peer = state.peers.get(from);
        if (peer == null) {
            return;
        }
        double score = state.scoreOf(from);
        if (score < state.thresholds.graylistThreshold()) {
            state.listener.graylisted(from, score);
            return;
        }
        for (Rpc.SubOpts sub : rpc.subscriptions()) {
            if (sub.subscribe()) {
                if (peer.topics.size() < state.params.maxTopicsPerPeer() && peer.topics.add(sub.topic())) {
                    state.topicPeers.computeIfAbsent(sub.topic(), t -> new LinkedHashSet<>()).add(from);
                }
            } else if (peer.topics.remove(sub.topic())) {
                leaveTopic(from, sub.topic());
            }
        }
        for (Message message : rpc.publish()) {
            pipeline.receive(from, message);
        }
        control.handle(from, rpc.control());
        flush();
    }

    /** The peer sent bytes that are not an RPC within our limits: a P7 behaviour penalty. */
    public void penaliseMalformed(PeerId from) {
        state.score.addPenalty(from, 1);
    }

    /** JOIN: announces the subscription and builds a mesh of up to D peers (fanout peers first). */
    public void subscribe(String topic, MessageValidator validator) {
        Objects.requireNonNull(validator, "validator");
        if (state.subscriptions.put(topic, validator) != null) {
            return;
        }
        state.peers.keySet().forEach(peer -> state.outbox.subscription(peer, new Rpc.SubOpts(true, topic)));
        long now = state.now();
        Set<PeerId> members = new LinkedHashSet<>();
        state.mesh.put(topic, members);
        Set<PeerId> fanout = state.fanout.remove(topic);
        state.fanoutLastPublished.remove(topic);
        if (fanout != null) {
            fanout.stream().filter(peer -> !state.backoffs.blocksGraft(topic, peer, now) && state.scoreOf(peer) >= 0)
                    .limit(state.params.d()).forEach(peer -> state.graft(topic, peer));
        }
        state.selectPeers(topic, state.params.d() - members.size(), peer -> !members.contains(peer)
                        && !state.backoffs.blocksGraft(topic, peer, now) && state.scoreOf(peer) >= 0)
                .forEach(peer -> state.graft(topic, peer));
        flush();
    }

    /** LEAVE: announces it and PRUNEs the mesh with the (shorter) unsubscribe backoff. */
    public void unsubscribe(String topic) {
        if (state.subscriptions.remove(topic) == null) {
            return;
        }
        state.peers.keySet().forEach(peer -> state.outbox.subscription(peer, new Rpc.SubOpts(false, topic)));
        for (PeerId peer : List.copyOf(state.mesh.get(topic))) {
            state.prune(topic, peer, true, true);
        }
        state.mesh.remove(topic);
        flush();
    }

    /** Publishes an own message (stamped and signed per the policy). */
    public PublishResult publish(String topic, Blob data) {
        PublishResult result = pipeline.publish(topic, data);
        flush();
        return result;
    }

    /** The periodic heartbeat: mesh and fanout maintenance, gossip, cache shift, score decay. */
    public void heartbeat() {
        pipeline.expire();
        heartbeat.run();
        flush();
    }

    private void validated(Blob id, ValidationResult result) {
        pipeline.complete(id, result);
        flush();
    }

    private void leaveTopic(PeerId peer, String topic) {
        Set<PeerId> subscribed = state.topicPeers.get(topic);
        if (subscribed != null) {
            subscribed.remove(peer);
            if (subscribed.isEmpty()) {
                state.topicPeers.remove(topic);
            }
        }
        Set<PeerId> members = state.mesh.get(topic);
        if (members != null && members.remove(peer)) {
            state.score.prune(peer, topic);
        }
        Set<PeerId> fanout = state.fanout.get(topic);
        if (fanout != null) {
            fanout.remove(peer);
        }
    }

    private void flush() {
        state.outbox.flush(sink);
    }

    // ---- inspection (tests, metrics) ----

    public PeerId self() {
        return state.self;
    }

    public Set<PeerId> meshPeers(String topic) {
        return Set.copyOf(state.mesh.getOrDefault(topic, Set.of()));
    }

    public Set<PeerId> fanoutPeers(String topic) {
        return Set.copyOf(state.fanout.getOrDefault(topic, Set.of()));
    }

    public Set<PeerId> topicPeers(String topic) {
        return Set.copyOf(state.topicPeers.getOrDefault(topic, Set.of()));
    }

    public Set<PeerId> peers() {
        return Set.copyOf(state.peers.keySet());
    }

    public Set<String> subscriptions() {
        return Set.copyOf(state.subscriptions.keySet());
    }

    public double score(PeerId peer) {
        return state.scoreOf(peer);
    }

    public boolean hasSeen(Blob messageId) {
        return state.seen.contains(messageId);
    }

    public int pendingValidations() {
        return pipeline.pendingCount();
    }

    /** Collaborators of a router; clock, random and executor have production defaults. */
    public static final class Builder {
        private final PeerId self;
        private final GossipConfig config;
        private final RpcSink sink;
        private InstantSource clock = InstantSource.system();
        private RandomGenerator random = new java.security.SecureRandom();
        private Executor executor = Runnable::run;
        private MessageSigner signer;
        private GossipListener listener = GossipListener.NONE;

        private Builder(PeerId self, GossipConfig config, RpcSink sink) {
            this.self = Objects.requireNonNull(self, "self");
            this.config = Objects.requireNonNull(config, "config");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        public Builder clock(InstantSource value) { this.clock = value; return this; }
        public Builder random(RandomGenerator value) { this.random = value; return this; }

        /** Runs validation verdicts on the router's thread (default: inline, for synchronous validators). */
        public Builder executor(Executor value) { this.executor = value; return this; }

        /** Required under {@link SignaturePolicy#STRICT_SIGN}; its author must be {@code self}. */
        public Builder signer(MessageSigner value) { this.signer = value; return this; }
        public Builder listener(GossipListener value) { this.listener = value; return this; }

        public GossipRouter build() {
            if (config.signaturePolicy() == SignaturePolicy.STRICT_SIGN
                    && (signer == null || !signer.author().equals(self))) {
                throw new IllegalArgumentException("StrictSign needs a signer whose author is " + self);
            }
            return new GossipRouter(this);
        }
    }
}
