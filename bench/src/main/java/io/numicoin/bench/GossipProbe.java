package io.numicoin.bench;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.gossip.GossipDefaults;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.params.Network;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bare libp2p peer subscribed to a node's blocks topic that records when each block arrives and
 * never forwards it (IGNORE): how long the node takes to announce, apart from the receivers' imports.
 */
final class GossipProbe implements AutoCloseable {

    private final NettyHost host = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
    private final GossipsubService gossip;
    private final Map<ByteBuffer, Long> heard = new ConcurrentHashMap<>();

    private GossipProbe(BenchNode node) {
        NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5));
        gossip = GossipDefaults.start(host, GossipListener.NONE);
        gossip.subscribe(protocols.blocksTopic(), message -> {
            heard.putIfAbsent(ByteBuffer.wrap(message.data().toArray()), System.nanoTime());
            return CompletableFuture.completedFuture(ValidationResult.IGNORE);
        }).join();
        host.dial(node.address()).join();
    }

    static GossipProbe dial(BenchNode node) throws InterruptedException {
        GossipProbe probe = new GossipProbe(node);
        Thread.sleep(2_000);  // the node learns the probe's subscription
        return probe;
    }

    /** {@link System#nanoTime()} when the block encoded as {@code data} arrived, or null. */
    Long heardAt(byte[] data) {
        return heard.get(ByteBuffer.wrap(data));
    }

    @Override
    public void close() {
        gossip.close();
        host.close();
    }
}
