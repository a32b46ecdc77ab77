package io.numicoin.node.p2p.peers;

import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** A {@link PeerConnector} straight over a host, standing in for the node's p2p service in tests. */
public record HostPeerConnector(NettyHost host) implements PeerConnector {

    @Override
    public CompletableFuture<PeerId> dial(Multiaddr address) {
        return host.dial(address).thenApply(Connection::remotePeer);
    }

    @Override
    public CompletableFuture<Void> disconnect(PeerId peer) {
        return host.disconnect(peer);
    }

    @Override
    public Set<PeerId> connectedPeers() {
        return host.connections().stream().filter(Connection::isOpen).map(Connection::remotePeer).collect(Collectors.toSet());
    }

    @Override
    public List<Multiaddr> listenAddresses() {
        return host.listenAddresses();
    }
}
