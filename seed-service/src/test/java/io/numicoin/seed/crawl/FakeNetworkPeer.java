package io.numicoin.seed.crawl;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real libp2p host on 127.0.0.1 that answers this network's status and peer-exchange protocols
 * the way {@link Behaviour} says: honestly, or as a peer of another network, or with garbage, or
 * never.
 */
final class FakeNetworkPeer implements AutoCloseable {

    enum Behaviour { HONEST, OTHER_GENESIS, GARBAGE_STATUS, SILENT }

    private final NettyHost host;
    private final Multiaddr address;
    private final AtomicInteger connectionsSeen = new AtomicInteger();

    FakeNetworkPeer(NetworkProtocols protocols, ChainStatusMessage honest, ChainStatusMessage foreign, Behaviour behaviour,
            Supplier<List<Multiaddr>> neighbours) {
        host = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("fake/" + behaviour));
        RequestResponse.serve(host, protocols.status(), (peer, request) -> switch (behaviour) {
            case HONEST -> CompletableFuture.completedFuture(SyncCodec.encodeStatus(honest));
            case OTHER_GENESIS -> CompletableFuture.completedFuture(SyncCodec.encodeStatus(foreign));
            case GARBAGE_STATUS -> CompletableFuture.completedFuture(new byte[] {1, 2, 3});
            case SILENT -> new CompletableFuture<>();
        });
        RequestResponse.serve(host, protocols.peers(),
                (peer, request) -> CompletableFuture.completedFuture(PeerExchangeCodec.encodeResponse(neighbours.get())));
        host.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                connectionsSeen.incrementAndGet();
            }

            @Override
            public void onDisconnected(Connection connection) {
            }
        });
        Multiaddr bound = host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
        address = bound.withPeerId(host.peerId());
    }

    /** {@code /ip4/127.0.0.1/tcp/<port>/p2p/<id>}. */
    Multiaddr address() {
        return address;
    }

    String bareAddress() {
        return address.withoutPeerId().toString();
    }

    /** Connections made to this peer so far (upgraded: Noise and yamux done). */
    int connectionsSeen() {
        return connectionsSeen.get();
    }

    @Override
    public void close() {
        host.close();
    }
}
