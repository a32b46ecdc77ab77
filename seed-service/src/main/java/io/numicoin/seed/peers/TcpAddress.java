package io.numicoin.seed.peers;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.Protocol;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A dialable peer address as the seed keeps it: {@code /ip4|ip6/<a>/tcp/<port>} (the store's key)
 * and the peer id that was given with it, if any. DNS names, other transports and port 0 are not
 * kept: a seed hands out addresses, never names to resolve.
 */
public record TcpAddress(String address, Optional<String> peerId) {

    /** Parses a multiaddr text, e.g. {@code /ip4/203.0.113.7/tcp/8333/p2p/12D3Koo...}; empty when it is not one the seed keeps. */
    public static Optional<TcpAddress> parse(String text) {
        if (text == null || text.length() > Multiaddr.MAX_TEXT) {
            return Optional.empty();
        }
        try {
            Multiaddr full = Multiaddr.parse(text);
            Multiaddr bare = full.withoutPeerId();
            if (bare.components().size() != 2) {
                return Optional.empty();
            }
            Protocol family = bare.components().getFirst().protocol();
            if (family != Protocol.IP4 && family != Protocol.IP6) {
                return Optional.empty();
            }
            InetSocketAddress socket = bare.toTcpSocketAddress();
            if (socket.getPort() == 0 || socket.getAddress().isAnyLocalAddress() || socket.getAddress().isMulticastAddress()) {
                return Optional.empty();
            }
            return Optional.of(new TcpAddress(Multiaddr.tcp(socket).toString(), full.peerId().map(PeerId::toBase58)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public InetSocketAddress socketAddress() {
        return Multiaddr.parse(address).toTcpSocketAddress();
    }
}
