package io.numicoin.network;

import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.util.concurrent.TimeUnit;

/** Two real hosts on loopback, the client connected to the server; closes both. */
public final class LoopbackPair implements AutoCloseable {

    public final NettyHost client = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
    public final NettyHost server = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
    public final Multiaddr serverAddress;

    /** Starts the server listening; {@link #connect} dials it. */
    public LoopbackPair() throws Exception {
        serverAddress = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(server.peerId());
    }

    public LoopbackPair connect() throws Exception {
        client.dial(serverAddress).get(5, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
