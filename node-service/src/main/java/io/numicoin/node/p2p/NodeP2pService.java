package io.numicoin.node.p2p;

import io.numicoin.node.identity.NodeKeyProperties;
import io.numicoin.node.identity.NodeKeyStore;
import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.gossip.BlockGossip;
import io.numicoin.node.p2p.gossip.TransactionGossip;
import io.numicoin.node.p2p.sync.ChainSync;
import io.numicoin.node.p2p.sync.SyncServer;
import io.numicoin.network.gossip.GossipDefaults;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.IdentityFileException;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.wallet.keystore.KdfParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The node on the network: starts the libp2p host from the persistent identity in
 * {@code numi.p2p.data-dir}, listens, serves the sync protocols, joins the two gossip topics, and
 * dials the bootstrap list (again whenever it has no peer, and each bootstrap peer not connected once a minute; never
 * while networking is switched off, see {@link NetworkSwitch}). Connections are handed to
 * {@link ChainSync}. Also the {@link PeerConnector} the discovery package dials through.
 */
public final class NodeP2pService implements SmartLifecycle, PeerConnector {

    private static final Logger log = LoggerFactory.getLogger(NodeP2pService.class);

    /** How often a bootstrap peer that is not connected is dialled again while the node has other peers. */
    private static final Duration BOOTSTRAP_RETRY_WHILE_CONNECTED = Duration.ofSeconds(60);

    private final P2pProperties properties;
    private final NetworkProtocols protocols;
    private final ChainSync sync;
    private final SyncServer server;
    private final BlockGossip blocks;
    private final TransactionGossip transactions;
    private final ScheduledExecutorService bootstrapper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("numi-p2p-bootstrap").daemon().factory());
    private final NettyHost host;
    private final GossipListener gossipListener;
    private volatile GossipsubService gossip;
    private final BootstrapRedial redial;

    public NodeP2pService(P2pProperties properties, NettyHost host, NetworkProtocols protocols, ChainSync sync, SyncServer server,
            BlockGossip blocks, TransactionGossip transactions, GossipListener gossipListener) {
        this.gossipListener = gossipListener;
        this.properties = properties;
        this.host = host;
        this.protocols = protocols;
        this.sync = sync;
        this.server = server;
        this.blocks = blocks;
        this.transactions = transactions;
        this.redial = new BootstrapRedial(parseBootstrap(properties.bootstrap()), BOOTSTRAP_RETRY_WHILE_CONNECTED);
    }

    /** Creates the host from the node key in {@code dataDir} (created on first start; encrypted with {@code numi.node-key}). */
    public static NettyHost createHost(P2pProperties properties, HostLimitsProperties limits, NodeKeyProperties nodeKey) {
        NodeIdentity identity;
        try {
            Files.createDirectories(properties.dataDir());
            identity = NodeKeyStore.loadOrCreate(properties.dataDir(), NodeKeyStore.source(nodeKey.passphraseSource()), KdfParams.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + properties.dataDir(), e);
        } catch (IdentityFileException e) {
            throw new IllegalStateException("the node key in " + properties.dataDir() + " is unusable: " + e.getMessage(), e);
        }
        return NettyHost.create(identity, limits.toLimits().applyTo(HostConfig.defaults()
                .withConnectionLimits(properties.maxInbound(), properties.maxOutbound())));
    }

    @Override
    public void start() {
        host.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                sync.peerConnected(connection.remotePeer());
            }

            @Override
            public void onDisconnected(Connection connection) {
                sync.peerDisconnected(connection.remotePeer());
            }
        });
        server.serve(host, protocols);
        gossip = GossipDefaults.start(host, gossipListener);
        blocks.subscribe(gossip, protocols.blocksTopic()).join();
        transactions.subscribe(gossip, protocols.txsTopic()).join();
        for (String listen : properties.listen()) {
            Multiaddr bound = host.listen(Multiaddr.parse(listen)).join();
            log.info("p2p listening on {}/p2p/{}", bound, host.peerId().toBase58());
        }
        sync.start();
        long retry = properties.sync().bootstrapRetry().toMillis();
        bootstrapper.scheduleWithFixedDelay(this::dialBootstrap, 0, retry, TimeUnit.MILLISECONDS);
    }

    private static List<Multiaddr> parseBootstrap(List<String> texts) {
        List<Multiaddr> parsed = new ArrayList<>();
        for (String text : texts) {
            try {
                parsed.add(Multiaddr.parse(text));
            } catch (RuntimeException e) {
                log.warn("bootstrap address '{}' ignored: {}", text, e.getMessage());
            }
        }
        return parsed;
    }

    /** Runs a bootstrap dial round now, on the bootstrap thread (after networking was switched on again). */
    public void dialBootstrapNow() {
        if (!bootstrapper.isShutdown()) {
            bootstrapper.execute(this::dialBootstrap);
        }
    }

    private void dialBootstrap() {
        if (!host.networkActive()) {  // switched off by the operator (NetworkSwitch): no dialling
            return;
        }
        try {
            dialDueBootstrap();
        } catch (RuntimeException e) {
            log.warn("bootstrap dial round failed: {}", e.toString());
        }
    }

    private void dialDueBootstrap() {
        for (Multiaddr address : redial.due(connectedPeers(), Instant.now())) {
            dial(address).whenComplete((peer, failure) -> {
                if (failure != null) {
                    log.debug("bootstrap {} not reached: {}", address, failure.toString());
                }
            });
        }
    }

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

    public PeerId peerId() {
        return host.peerId();
    }

    public NettyHost host() {
        return host;
    }

    public GossipsubService gossip() {
        return gossip;
    }

    @Override
    public void stop() {
        bootstrapper.shutdownNow();
        sync.close();
        if (gossip != null) {
            gossip.close();
        }
        gossip = null;
    }

    @Override
    public boolean isRunning() {
        return gossip != null;
    }

    @Override
    public int getPhase() {
        // after the chain service and the outbox relay have started, before the web server
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
