package io.numicoin.p2p.gossipsub.sim;

import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.GossipProtocol;
import io.numicoin.p2p.gossipsub.GossipRouter;
import io.numicoin.p2p.gossipsub.MessageSigner;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic in-memory network of gossipsub routers: one seeded random, virtual time, a queue
 * of events (RPC deliveries after 5–30 ms, heartbeats every interval at a per-node phase, validation
 * verdicts). RPCs go through the real codec. A {@link LinkFilter} can rewrite or drop what a link
 * carries.
 */
public final class SimNetwork {

    /** Rewrites an RPC on the link {@code from → to}; returning null drops it. */
    @FunctionalInterface
    public interface LinkFilter {
        Rpc apply(PeerId from, PeerId to, Rpc rpc);
    }

    /** Sees every RPC as it is sent (after filtering). */
    @FunctionalInterface
    public interface Tap {
        void sent(PeerId from, PeerId to, Rpc rpc);
    }

    private record Event(long at, long order, Runnable action) {
    }

    private final SimClock clock = new SimClock(1_700_000_000_000L);
    private final Random random;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Map<PeerId, SimNode> nodes = new LinkedHashMap<>();
    private final Set<List<PeerId>> links = new HashSet<>();
    private final RpcCodec codec;
    private long order;
    private boolean heartbeats = true;
    private LinkFilter filter = (from, to, rpc) -> rpc;
    private Tap tap = (from, to, rpc) -> { };

    public SimNetwork(long seed, RpcCodec codec) {
        this.random = new Random(seed);
        this.codec = codec;
    }

    public SimClock clock() {
        return clock;
    }

    public Random random() {
        return random;
    }

    public void filter(LinkFilter newFilter) {
        this.filter = newFilter;
    }

    public void tap(Tap newTap) {
        this.tap = newTap;
    }

    public SimNode addNode(GossipConfig config) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return addNode(PeerId.fromEd25519PublicKey(key), config, null);
    }

    public SimNode addNode(PeerId id, GossipConfig config, MessageSigner signer) {
        return addNode(id, config, signer, GossipListener.NONE);
    }

    public SimNode addNode(GossipConfig config, GossipListener listener) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return addNode(PeerId.fromEd25519PublicKey(key), config, null, listener);
    }

    public SimNode addNode(PeerId id, GossipConfig config, MessageSigner signer, GossipListener listener) {
        int index = nodes.size();
        SimNode node = new SimNode(id, address(index));
        GossipRouter.Builder builder = GossipRouter.builder(id, config, (to, rpc) -> send(id, to, rpc))
                .clock(clock)
                .random(new Random(random.nextLong()))
                .executor(task -> schedule(0, task))
                .listener(listener);
        if (signer != null) {
            builder.signer(signer);
        }
        node.router = builder.build();
        nodes.put(id, node);
        long interval = config.params().heartbeatInterval().toMillis();
        scheduleHeartbeat(node, random.nextLong(interval), interval);
        return node;
    }

    public List<SimNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** Connects {@code dialer} (outbound side) to {@code listener}. */
    public void connect(SimNode dialer, SimNode listener) {
        if (dialer == listener || !links.add(key(dialer.id, listener.id))) {
            return;
        }
        dialer.router.addPeer(listener.id, GossipProtocol.MESHSUB_1_1, true, listener.address);
        listener.router.addPeer(dialer.id, GossipProtocol.MESHSUB_1_1, false, dialer.address);
    }

    public boolean connected(SimNode a, SimNode b) {
        return links.contains(key(a.id, b.id));
    }

    public void disconnect(SimNode a, SimNode b) {
        if (links.remove(key(a.id, b.id))) {
            a.router.removePeer(b.id);
            b.router.removePeer(a.id);
        }
    }

    /** Connects each node to {@code degree} random others (and its ring neighbour, so the graph is connected). */
    public void connectRandomly(int degree) {
        List<SimNode> all = nodes();
        for (int i = 0; i < all.size(); i++) {
            connect(all.get(i), all.get((i + 1) % all.size()));
            for (int k = 0; k < degree; k++) {
                connect(all.get(i), all.get(random.nextInt(all.size())));
            }
        }
    }

    /** Delivers an RPC to {@code to} as if {@code from} had sent it (bypassing {@code from}'s router). */
    public void inject(PeerId from, SimNode to, Rpc rpc) {
        deliver(from, to.id, RpcCodec.encode(rpc));
    }

    public void schedule(long delayMillis, Runnable action) {
        events.add(new Event(clock.millis() + delayMillis, order++, action));
    }

    public void heartbeats(boolean enabled) {
        this.heartbeats = enabled;
    }

    public void runFor(Duration duration) {
        long end = clock.millis() + duration.toMillis();
        while (!events.isEmpty() && events.peek().at <= end) {
            Event event = events.poll();
            clock.advanceTo(event.at);
            event.action.run();
        }
        clock.advanceTo(end);
    }

    private void send(PeerId from, PeerId to, Rpc rpc) {
        if (!links.contains(key(from, to))) {
            return;
        }
        Rpc filtered = filter.apply(from, to, rpc);
        if (filtered == null || filtered.isEmpty()) {
            return;
        }
        tap.sent(from, to, filtered);
        byte[] bytes = RpcCodec.encode(filtered);
        long latency = 5 + random.nextInt(26);
        events.add(new Event(clock.millis() + latency, order++, () -> deliver(from, to, bytes)));
    }

    private void deliver(PeerId from, PeerId to, byte[] bytes) {
        SimNode node = nodes.get(to);
        try {
            node.router.handleRpc(from, codec.decode(bytes));
        } catch (RpcDecodeException e) {
            node.router.penaliseMalformed(from);
        }
    }

    private void scheduleHeartbeat(SimNode node, long delay, long interval) {
        events.add(new Event(clock.millis() + delay, order++, () -> {
            if (heartbeats) {
                node.router.heartbeat();
            }
            scheduleHeartbeat(node, interval, interval);
        }));
    }

    private static List<PeerId> key(PeerId a, PeerId b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    private static InetAddress address(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, (byte) (index >> 8), (byte) index});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
