package io.numicoin.p2p.gossipsub.host;

import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.GossipProtocol;
import io.numicoin.p2p.gossipsub.GossipRouter;
import io.numicoin.p2p.gossipsub.MessageSigner;
import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamListener;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gossipsub on a libp2p {@link Host}: serves {@code /meshsub/1.1.0} and {@code /meshsub/1.0.0},
 * opens our outbound pubsub stream to every connected peer that speaks one of them (by trying, the
 * newest first), feeds decoded RPCs to a {@link GossipRouter} and writes its RPCs back, and runs the
 * heartbeat. The router lives on one thread (a single-threaded scheduler); the methods here are
 * thread-safe and answer with futures completed on that thread.
 */
public final class GossipsubService implements AutoCloseable {

    public static final List<ProtocolId> PROTOCOLS = List.of(
            ProtocolId.of(GossipProtocol.MESHSUB_1_1.id()), ProtocolId.of(GossipProtocol.MESHSUB_1_0.id()));

    private static final Logger log = LoggerFactory.getLogger(GossipsubService.class);

    private final Host host;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final RpcCodec codec;
    private final GossipRouter router;
    private final Map<PeerId, PeerLink> links = new HashMap<>();
    private final ConnectionListener connections = new ConnectionListener() {
        @Override
        public void onConnected(Connection connection) {
            submit(() -> connected(connection));
        }

        @Override
        public void onDisconnected(Connection connection) {
            submit(() -> disconnected(connection.remotePeer()));
        }
    };
    private final AtomicLong droppedRpcs = new AtomicLong();
    private volatile boolean closed;
    private ScheduledFuture<?> heartbeat;

    private GossipsubService(Host host, GossipConfig config, MessageSigner signer, GossipListener listener,
                             ScheduledExecutorService executor, boolean ownsExecutor) {
        this.host = host;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.codec = new RpcCodec(config.rpcLimits());
        GossipRouter.Builder builder = GossipRouter.builder(host.peerId(), config, this::send)
                .clock(InstantSource.system())
                .random(new SecureRandom())
                .executor(executor)
                .listener(listener);
        if (signer != null) {
            builder.signer(signer);
        }
        this.router = builder.build();
    }

    /** Starts gossipsub on {@code host} with its own router thread; {@code signer} only for StrictSign. */
    public static GossipsubService start(Host host, GossipConfig config, MessageSigner signer, GossipListener listener) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gossipsub-" + host.peerId().toBase58().substring(0, 12)).daemon().factory());
        return start(host, config, signer, listener, executor, true);
    }

    /** Starts gossipsub on a caller's single-threaded scheduler (which must run one task at a time). */
    public static GossipsubService start(Host host, GossipConfig config, MessageSigner signer, GossipListener listener,
                                         ScheduledExecutorService executor, boolean ownsExecutor) {
        GossipsubService service = new GossipsubService(host, config, signer, listener, executor, ownsExecutor);
        for (ProtocolId protocol : PROTOCOLS) {
            host.setStreamHandler(protocol, service::inbound);
        }
        host.addConnectionListener(service.connections);
        long interval = config.params().heartbeatInterval().toMillis();
        executor.execute(() -> {
            host.connections().forEach(service::connected);
            service.heartbeat = executor.scheduleAtFixedRate(service::beat, interval, interval, TimeUnit.MILLISECONDS);
        });
        return service;
    }

    public CompletableFuture<Void> subscribe(String topic, MessageValidator validator) {
        return onRouter(router -> {
            router.subscribe(topic, validator);
            return null;
        });
    }

    public CompletableFuture<Void> unsubscribe(String topic) {
        return onRouter(router -> {
            router.unsubscribe(topic);
            return null;
        });
    }

    public CompletableFuture<PublishResult> publish(String topic, byte[] data) {
        Blob blob = Blob.of(data);
        return onRouter(router -> router.publish(topic, blob));
    }

    /** Runs {@code query} on the router's thread (inspection: meshes, scores, peers). */
    public <T> CompletableFuture<T> onRouter(Function<GossipRouter, T> query) {
        return CompletableFuture.supplyAsync(() -> query.apply(router), executor);
    }

    /** RPCs not written because a peer's stream was backed up or not open in time. */
    public long droppedRpcs() {
        return droppedRpcs.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        host.removeConnectionListener(connections);
        PROTOCOLS.forEach(host::removeStreamHandler);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            links.values().forEach(link -> {
                if (link.outbound != null) {
                    link.outbound.closeWrite();
                }
                if (link.inbound != null) {
                    link.inbound.reset();
                }
            });
            links.clear();
        }, executor);
        done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    /** Hands a host callback to the router thread; after {@link #close()} it is dropped. */
    private void submit(Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: the router is gone
        }
    }

    private void beat() {
        try {
            router.heartbeat();
        } catch (RuntimeException e) {
            log.error("gossipsub heartbeat failed", e);
        }
    }

    // ---- connections and streams (router thread) ----

    private void connected(Connection connection) {
        PeerLink link = links.computeIfAbsent(connection.remotePeer(), p -> new PeerLink());
        if (link.outbound == null && !link.opening) {
            openOutbound(connection, link);
        }
    }

    private void disconnected(PeerId peer) {
        if (host.connection(peer).filter(Connection::isOpen).isPresent()) {
            return;
        }
        PeerLink link = links.remove(peer);
        if (link != null) {
            if (link.inbound != null) {
                link.inbound.reset();
            }
            router.removePeer(peer);
        }
    }

    private void openOutbound(Connection connection, PeerLink link) {
        link.opening = true;
        PeerId peer = connection.remotePeer();
        connection.newStream(PROTOCOLS).whenCompleteAsync((stream, failure) -> {
            link.opening = false;
            if (links.get(peer) != link) {
                if (stream != null) {
                    stream.reset();
                }
                return;
            }
            if (failure != null) {
                log.debug("no pubsub stream to {}: {}", peer, failure.getMessage());
                return;
            }
            link.outbound = stream;
            stream.setListener(new StreamListener() {
                @Override
                public void onData(Stream s, byte[] data) {
                    // the outbound stream is write-only
                }

                @Override
                public void onReset(Stream s) {
                    submit(() -> outboundLost(peer, link, s));
                }
            });
            joinRouter(peer, link, connection, stream.protocol());
            while (!link.queued.isEmpty()) {
                stream.writeFrame(link.queued.poll());
            }
            link.queuedBytes = 0;
        }, executor);
    }

    private void outboundLost(PeerId peer, PeerLink link, Stream stream) {
        if (link.outbound != stream || links.get(peer) != link) {
            return;
        }
        link.outbound = null;
        host.connection(peer).filter(Connection::isOpen).ifPresentOrElse(c -> openOutbound(c, link), () -> disconnected(peer));
    }

    private void inbound(Stream stream) {
        PeerId peer = stream.remotePeer();
        submit(() -> inboundOpened(peer, stream));
        stream.setListener(new RpcStreamReader(codec, new RpcStreamReader.Sink() {
            @Override
            public void rpc(Stream s, Rpc rpc) {
                submit(() -> {
                    PeerLink link = links.get(peer);
                    if (link != null && link.inbound == s && link.inRouter) {
                        router.handleRpc(peer, rpc);
                    }
                });
            }

            @Override
            public void malformed(Stream s, String why) {
                log.debug("malformed RPC from {}: {}", peer, why);
                submit(() -> router.penaliseMalformed(peer));
            }

            @Override
            public void closed(Stream s) {
                submit(() -> {
                    PeerLink link = links.get(peer);
                    if (link != null && link.inbound == s) {
                        link.inbound = null;
                    }
                });
            }
        }));
    }

    private void inboundOpened(PeerId peer, Stream stream) {
        PeerLink link = links.computeIfAbsent(peer, p -> new PeerLink());
        if (link.inbound != null && link.inbound != stream) {
            link.inbound.reset(); // the peer replaced its stream: read the new one only
        }
        link.inbound = stream;
        joinRouter(peer, link, stream.connection(), stream.protocol());
        if (link.outbound == null && !link.opening) {
            openOutbound(stream.connection(), link);
        }
    }

    private void joinRouter(PeerId peer, PeerLink link, Connection connection, ProtocolId protocol) {
        if (link.inRouter) {
            return;
        }
        link.inRouter = true;
        link.protocol = GossipProtocol.fromId(protocol.value()).orElse(GossipProtocol.MESHSUB_1_0);
        router.addPeer(peer, link.protocol, connection.direction() == Direction.OUTBOUND, address(connection));
    }

    private void send(PeerId peer, Rpc rpc) {
        PeerLink link = links.get(peer);
        if (link == null) {
            return;
        }
        byte[] frame = RpcCodec.encode(rpc);
        if (link.outbound == null) {
            if (!link.queue(frame)) {
                droppedRpcs.incrementAndGet();
            }
        } else if (!link.outbound.isWritable()) {
            droppedRpcs.incrementAndGet();
            log.debug("dropped an RPC to {}: its stream is backed up", peer);
        } else {
            link.outbound.writeFrame(frame);
        }
    }

    private static InetAddress address(Connection connection) {
        try {
            return connection.remoteAddress().toTcpSocketAddress().getAddress();
        } catch (RuntimeException e) { // MultiaddrException: not an IP address
            return null;
        }
    }
}
