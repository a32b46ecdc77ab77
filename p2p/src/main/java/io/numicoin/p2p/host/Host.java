package io.numicoin.p2p.host;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A libp2p node: listens and dials over TCP, secures connections with Noise, multiplexes them with
 * yamux, and routes inbound streams to handlers by protocol id. Every limit (connections, streams,
 * frame sizes) comes from {@link HostConfig}. Thread-safe.
 */
public interface Host extends AutoCloseable {

    PeerId peerId();

    /** Binds a TCP listener ({@code /ip4/0.0.0.0/tcp/0} picks a port); completes with the bound address. */
    CompletableFuture<Multiaddr> listen(Multiaddr address);

    /** The addresses bound so far. */
    List<Multiaddr> listenAddresses();

    /**
     * Dials and upgrades a connection, within {@link HostConfig#dialTimeout()}. A trailing
     * {@code /p2p/<id>} must match the authenticated peer. Fails with {@link DialException}.
     */
    CompletableFuture<Connection> dial(Multiaddr address);

    /**
     * Dials as {@link #dial} does, but always a connection of its own, even when one to the peer is
     * already open: for a caller that must learn whether this address answers (a crawler's visit).
     * The caller closes it with {@link Connection#close()}, which leaves the peer's other connections open.
     */
    CompletableFuture<Connection> dialNew(Multiaddr address);

    /** Opens a stream to an already connected peer (see {@link Connection#newStream}). */
    CompletableFuture<Stream> newStream(PeerId peer, ProtocolId protocol);

    /** Opens a stream to a connected peer, negotiating the first of {@code protocols} it supports. */
    default CompletableFuture<Stream> newStream(PeerId peer, List<ProtocolId> protocols) {
        return connection(peer).map(c -> c.newStream(protocols)).orElseGet(() -> CompletableFuture.failedFuture(
                new StreamException(StreamException.Kind.CONNECTION_CLOSED, "not connected to " + peer)));
    }

    /** An open connection to {@code peer}, if there is one. */
    Optional<Connection> connection(PeerId peer);

    List<Connection> connections();

    /** Serves inbound streams of {@code protocol} (replacing any handler registered for it). */
    void setStreamHandler(ProtocolId protocol, StreamHandler handler);

    void removeStreamHandler(ProtocolId protocol);

    /** The protocols with a handler, as announced by identify. */
    Set<ProtocolId> protocols();

    void addConnectionListener(ConnectionListener listener);

    void removeConnectionListener(ConnectionListener listener);

    /** Sets the policy consulted before dialling and on each accepted/secured connection. */
    void setConnectionGater(ConnectionGater gater);

    /**
     * Switches the host's networking off or on, as Bitcoin Core's {@code setnetworkactive}: while off,
     * every connection is closed, inbound sockets are closed on accept (the listeners stay bound) and
     * dials fail with {@link DialException.Kind#NETWORK_INACTIVE}. Stream handlers, listeners and the
     * gater stay as they are. On by default.
     *
     * @return the connections closed by switching off (0 when switching on or already off)
     */
    int setNetworkActive(boolean active);

    /** Whether the host's networking is on ({@link #setNetworkActive}). */
    boolean networkActive();

    /** Closes every connection to {@code peer}. */
    CompletableFuture<Void> disconnect(PeerId peer);

    /** Stops listening and closes every connection; waits for the event loops to stop. */
    @Override
    void close();
}
