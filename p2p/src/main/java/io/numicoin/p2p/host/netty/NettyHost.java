package io.numicoin.p2p.host.netty;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionGater;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamHandler;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.mux.yamux.YamuxConfig;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.identify.IdentifyService;
import io.numicoin.p2p.protocols.ping.PingService;
import io.numicoin.p2p.transport.TcpTransport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Host} on Netty TCP. Serves identify and ping from the start. Connection listeners and
 * stream handlers are called on the connection's event loop.
 *
 * <p>Inbound sockets: at most {@link HostConfig#maxPendingInbound()} in their upgrade at once (more are
 * closed on accept), each closed after {@link HostConfig#handshakeTimeout()}; only authenticated
 * connections count against {@link HostConfig#maxInbound()}, so sockets that never handshake cannot
 * take an established peer's place.
 *
 * <p>The host wires its parts: {@link InboundAcceptor} listens, {@link Dialer} dials, each socket's
 * {@link Upgrade} admits it, and {@link ConnectionRegistry} holds the established connections.
 */
public final class NettyHost implements Host {

    private static final Logger log = LoggerFactory.getLogger(NettyHost.class);
    /** Received bytes a connection holds for paused streams before it stops reading the socket. */
    private static final int MAX_HELD_BYTES = 8 << 20;

    private final NodeIdentity identity;
    private final TcpTransport transport;
    private final ConcurrentHashMap<ProtocolId, StreamHandler> handlers = new ConcurrentHashMap<>();
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final OpenChannels channels = new OpenChannels();
    private final OutboundQueueMeter queueMeter = new OutboundQueueMeter(connections);
    private final HostSwitches switches = new HostSwitches();
    private final InboundSlots inboundSlots;
    private final InboundAcceptor acceptor;
    private final Dialer dialer;
    private final IdentifyService identify;
    private final PingService ping = new PingService();

    private NettyHost(NodeIdentity identity, HostConfig config) {
        this.identity = identity;
        YamuxConfig yamuxConfig = new YamuxConfig(config.maxStreamsPerConnection(), config.keepAliveInterval(),
                config.streamHighWaterMark(), MAX_HELD_BYTES, config.maxQueuedBytesPerConnection(), config.writeStallTimeout());
        this.transport = new TcpTransport("p2p-" + identity.peerId().toBase58().substring(0, 12), 2);
        this.inboundSlots = new InboundSlots(config.maxPendingInbound(), config.maxInbound());
        UpgradeContext upgrades = new UpgradeContext(identity, config, yamuxConfig, switches, inboundSlots, handlers::get,
                connections, queueMeter);
        this.acceptor = new InboundAcceptor(upgrades, transport, channels);
        this.dialer = new Dialer(upgrades, transport, channels);
        this.identify = new IdentifyService(identity, config, this);
        identify.install();
        ping.install(this);
    }

    public static NettyHost create(NodeIdentity identity, HostConfig config) {
        return new NettyHost(identity, config);
    }

    public IdentifyService identify() {
        return identify;
    }

    public PingService ping() {
        return ping;
    }

    @Override
    public PeerId peerId() {
        return identity.peerId();
    }

    @Override
    public CompletableFuture<Multiaddr> listen(Multiaddr address) {
        return acceptor.listen(address);
    }

    /** Inbound sockets in their upgrade now (accepted, not yet authenticated and muxed). */
    public int pendingInbound() {
        return inboundSlots.pending();
    }

    /** Outbound bytes the open connections hold now (yamux queues and socket buffers), summed. */
    public long queuedOutboundBytes() {
        return queueMeter.queued();
    }

    /** The most outbound bytes any one connection has held at once since the host started. */
    public long peakQueuedOutboundBytes() {
        return queueMeter.peak();
    }

    @Override
    public List<Multiaddr> listenAddresses() {
        return acceptor.listenAddresses();
    }

    @Override
    public CompletableFuture<Connection> dial(Multiaddr address) {
        return dialer.dial(address, true);
    }

    @Override
    public CompletableFuture<Connection> dialNew(Multiaddr address) {
        return dialer.dial(address, false);
    }

    @Override
    public CompletableFuture<Stream> newStream(PeerId peer, ProtocolId protocol) {
        return connection(peer).map(c -> c.newStream(protocol)).orElseGet(() -> CompletableFuture.failedFuture(
                new StreamException(StreamException.Kind.CONNECTION_CLOSED, "not connected to " + peer)));
    }

    @Override
    public Optional<Connection> connection(PeerId peer) {
        return connections.find(peer);
    }

    @Override
    public List<Connection> connections() {
        return connections.all();
    }

    @Override
    public void setStreamHandler(ProtocolId protocol, StreamHandler handler) {
        handlers.put(protocol, handler);
    }

    @Override
    public void removeStreamHandler(ProtocolId protocol) {
        handlers.remove(protocol);
    }

    @Override
    public Set<ProtocolId> protocols() {
        return Set.copyOf(handlers.keySet());
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        connections.addListener(listener);
    }

    @Override
    public void removeConnectionListener(ConnectionListener listener) {
        connections.removeListener(listener);
    }

    @Override
    public void setConnectionGater(ConnectionGater gater) {
        switches.setGater(gater);
    }

    @Override
    public int setNetworkActive(boolean active) {
        boolean wasActive = switches.setNetworkActive(active);
        if (active || !wasActive) {
            return 0;
        }
        // A connection still in its upgrade is refused at its handshake (secured) or when established.
        List<Connection> open = connections.all();
        connections.close(null);
        log.debug("networking off: {} connections closed", open.size());
        return open.size();
    }

    @Override
    public boolean networkActive() {
        return switches.networkActive();
    }

    @Override
    public CompletableFuture<Void> disconnect(PeerId peer) {
        return connections.close(peer);
    }

    @Override
    public void close() {
        if (!switches.markClosed()) {
            return;
        }
        try {
            connections.close(null).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("connections did not all close in time", e);
        }
        channels.closeAll();
        transport.close();
    }
}
