package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ConnectTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionGater;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamHandler;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.mux.yamux.YamuxConfig;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.identify.IdentifyService;
import io.numicoin.p2p.protocols.ping.PingService;
import io.numicoin.p2p.transport.TcpTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
public final class NettyHost implements Host {

    private static final Logger log = LoggerFactory.getLogger(NettyHost.class);
    /** Received bytes a connection holds for paused streams before it stops reading the socket. */
    private static final int MAX_HELD_BYTES = 8 << 20;
    /** Inbound streams of one connection still negotiating their protocol; more are reset at once. */
    private static final int MAX_PENDING_INBOUND_STREAMS = 64;

    private final NodeIdentity identity;
    private final HostConfig config;
    private final YamuxConfig yamuxConfig;
    private final TcpTransport transport;
    private final ConcurrentHashMap<ProtocolId, StreamHandler> handlers = new ConcurrentHashMap<>();
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
    private final AtomicInteger inbound = new AtomicInteger();
    private final AtomicInteger pendingInbound = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong retiredPeakQueued = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger outbound = new AtomicInteger();
    private final IdentifyService identify;
    private final PingService ping = new PingService();
    private volatile ConnectionGater gater = ConnectionGater.ALLOW_ALL;
    private volatile boolean closed;
    private volatile boolean networkActive = true;

    private NettyHost(NodeIdentity identity, HostConfig config) {
        this.identity = identity;
        this.config = config;
        this.yamuxConfig = new YamuxConfig(config.maxStreamsPerConnection(), config.keepAliveInterval(),
                config.streamHighWaterMark(), MAX_HELD_BYTES, config.maxQueuedBytesPerConnection(), config.writeStallTimeout());
        this.transport = new TcpTransport("p2p-" + identity.peerId().toBase58().substring(0, 12), 2);
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
        CompletableFuture<Multiaddr> result = new CompletableFuture<>();
        InetSocketAddress socket;
        try {
            socket = address.toTcpSocketAddress();
        } catch (MultiaddrException e) {
            return CompletableFuture.failedFuture(e);
        }
        ChannelFuture bind = transport.bind(socket, new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                acceptInbound(ch);
            }
        });
        bind.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            channels.add(bind.channel());
            Multiaddr bound = Multiaddr.tcp((InetSocketAddress) bind.channel().localAddress());
            listenAddresses.add(bound);
            log.info("listening on {}/p2p/{}", bound, peerId());
            result.complete(bound);
        });
        return result;
    }

    private void acceptInbound(Channel ch) {
        Multiaddr remote = Multiaddr.tcp((InetSocketAddress) ch.remoteAddress());
        if (closed || !networkActive || !gater.allowInbound(remote)) {
            ch.close();
            return;
        }
        if (pendingInbound.incrementAndGet() > config.maxPendingInbound()) {
            pendingInbound.decrementAndGet();
            log.debug("refusing inbound connection from {}: {} handshakes pending", remote, config.maxPendingInbound());
            ch.close();
            return;
        }
        track(ch);
        Upgrade upgrade = new Upgrade(Direction.INBOUND, null, null);
        ch.closeFuture().addListener(f -> upgrade.endPending());
        upgrade.timer = ch.eventLoop().schedule(() -> {
            log.debug("{}: inbound upgrade timed out", remote);
            ch.close();
        }, config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ConnectionUpgrader.install(ch, false, identity, yamuxConfig, upgrade);
    }

    /** Inbound sockets in their upgrade now (accepted, not yet authenticated and muxed). */
    public int pendingInbound() {
        return pendingInbound.get();
    }

    /** Outbound bytes the open connections hold now (yamux queues and socket buffers), summed. */
    public long queuedOutboundBytes() {
        return connections.all().stream().mapToLong(c -> ((MuxedConnection) c).queuedOutboundBytes()).sum();
    }

    /** The most outbound bytes any one connection has held at once since the host started. */
    public long peakQueuedOutboundBytes() {
        long live = connections.all().stream().mapToLong(c -> ((MuxedConnection) c).peakQueuedOutboundBytes()).max().orElse(0);
        return Math.max(live, retiredPeakQueued.get());
    }

    @Override
    public List<Multiaddr> listenAddresses() {
        return List.copyOf(listenAddresses);
    }

    @Override
    public CompletableFuture<Connection> dial(Multiaddr address) {
        if (closed) {
            return failedDial(DialException.Kind.HOST_CLOSED, "host is closed");
        }
        if (!networkActive) {
            return failedDial(DialException.Kind.NETWORK_INACTIVE, "networking is switched off");
        }
        Optional<PeerId> expected;
        InetSocketAddress socket;
        try {
            expected = address.peerId();
            socket = address.withoutPeerId().toTcpSocketAddress();
        } catch (IllegalArgumentException e) {
            return failedDial(DialException.Kind.BAD_ADDRESS, e.getMessage());
        }
        if (expected.isPresent() && expected.get().equals(peerId())) {
            return failedDial(DialException.Kind.BAD_ADDRESS, "dialling itself");
        }
        if (expected.isPresent()) {
            Optional<Connection> existing = connection(expected.get());
            if (existing.isPresent()) {
                return CompletableFuture.completedFuture(existing.get());
            }
        }
        if (!gater.allowDial(address)) {
            return failedDial(DialException.Kind.GATED, address.toString());
        }
        if (outbound.incrementAndGet() > config.maxOutbound()) {
            outbound.decrementAndGet();
            return failedDial(DialException.Kind.CONNECTION_LIMIT, "outbound limit of " + config.maxOutbound() + " reached");
        }
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Upgrade upgrade = new Upgrade(Direction.OUTBOUND, expected.orElse(null), result);
        ChannelFuture connect = transport.connect(socket, config.dialTimeout(), new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                track(ch);
                ConnectionUpgrader.install(ch, true, identity, yamuxConfig, upgrade);
            }
        });
        Channel ch = connect.channel();
        ch.closeFuture().addListener(f -> {
            outbound.decrementAndGet();
            if (connect.isSuccess()) {
                upgrade.fail(DialException.Kind.UPGRADE_FAILED, "connection closed during the upgrade");
            } else {
                upgrade.fail(DialException.Kind.CONNECT_FAILED, socket + ": " + connect.cause());
            }
        });
        upgrade.timer = ch.eventLoop().schedule(() -> {
            upgrade.fail(DialException.Kind.TIMEOUT, "no connection within " + config.dialTimeout());
            ch.close();
        }, config.dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                boolean timeout = f.cause() instanceof ConnectTimeoutException;
                upgrade.fail(timeout ? DialException.Kind.TIMEOUT : DialException.Kind.CONNECT_FAILED,
                        socket + ": " + f.cause().getMessage());
            }
        });
        return result;
    }

    private static CompletableFuture<Connection> failedDial(DialException.Kind kind, String message) {
        return CompletableFuture.failedFuture(new DialException(kind, message));
    }

    private void track(Channel ch) {
        channels.add(ch);
        ch.closeFuture().addListener(f -> channels.remove(ch));
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
        this.gater = gater;
    }

    @Override
    public int setNetworkActive(boolean active) {
        boolean wasActive = networkActive;
        networkActive = active;
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
        return networkActive;
    }

    @Override
    public CompletableFuture<Void> disconnect(PeerId peer) {
        return connections.close(peer);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connections.close(null).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("connections did not all close in time", e);
        }
        for (Channel ch : channels) {
            ch.close();
        }
        transport.close();
    }

    /** The state of one connection's upgrade and the host's answers to its stages. */
    private final class Upgrade implements ConnectionUpgrader.Callbacks {
        private final Direction direction;
        private final PeerId expected;
        private final CompletableFuture<Connection> result;
        private volatile DialException.Kind refusal;
        private ScheduledFuture<?> timer;
        private final java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean(true);

        Upgrade(Direction direction, PeerId expected, CompletableFuture<Connection> result) {
            this.direction = direction;
            this.expected = expected;
            this.result = result;
        }

        /** An inbound socket leaves the pending count once: established or closed. */
        void endPending() {
            if (direction == Direction.INBOUND && pending.compareAndSet(true, false)) {
                pendingInbound.decrementAndGet();
            }
        }

        void fail(DialException.Kind kind, String message) {
            if (result != null && !result.isDone()) {
                DialException.Kind reported = refusal != null ? refusal : kind;
                result.completeExceptionally(new DialException(reported, message));
            }
            if (timer != null) {
                timer.cancel(false);
            }
        }

        @Override
        public boolean secured(Channel channel, PeerId remote) {
            if (!networkActive) {
                refusal = DialException.Kind.NETWORK_INACTIVE;
                return false;
            }
            if (remote.equals(peerId())) {
                refusal = DialException.Kind.BAD_ADDRESS;
                return false;
            }
            if (expected != null && !expected.equals(remote)) {
                refusal = DialException.Kind.PEER_ID_MISMATCH;
                log.debug("{}: expected peer {}, got {}", channel, expected, remote);
                return false;
            }
            Multiaddr remoteAddress = Multiaddr.tcp((InetSocketAddress) channel.remoteAddress());
            boolean countedInbound = direction == Direction.INBOUND;
            if (countedInbound && inbound.incrementAndGet() > config.maxInbound()) {
                inbound.decrementAndGet();
                log.debug("refusing inbound {} from {}: limit of {} reached", remote, remoteAddress, config.maxInbound());
                return false;
            }
            if (!gater.allowSecured(remote, remoteAddress, direction)) {
                if (countedInbound) {
                    inbound.decrementAndGet();
                }
                refusal = DialException.Kind.GATED;
                return false;
            }
            if (countedInbound) {
                channel.closeFuture().addListener(f -> inbound.decrementAndGet());
            }
            return true;
        }

        @Override
        public MuxedConnection connection(Channel channel, PeerId remote) {
            return new MuxedConnection(channel, remote, direction, handlers::get, config.handshakeTimeout(), MAX_PENDING_INBOUND_STREAMS);
        }

        @Override
        public void established(MuxedConnection connection) {
            if (timer != null) {
                timer.cancel(false);
            }
            endPending();
            if (closed || !networkActive) {
                refusal = closed ? DialException.Kind.HOST_CLOSED : DialException.Kind.NETWORK_INACTIVE;
                connection.close();
                return;
            }
            connection.closeFuture().thenRun(() -> retiredPeakQueued.accumulateAndGet(connection.peakQueuedOutboundBytes(), Math::max));
            connections.add(connection);
            if (!networkActive) {  // switched off between the check above and the add: setNetworkActive may have missed it
                connection.close();
            }
            if (result != null) {
                result.complete(connection);
            }
        }
    }
}
