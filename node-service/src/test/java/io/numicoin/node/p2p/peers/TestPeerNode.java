package io.numicoin.node.p2p.peers;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.NodeDatabase;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.node.p2p.discovery.OutboundDialer;
import io.numicoin.node.p2p.discovery.PeerExchange;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.params.Network;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A host on 127.0.0.1 wired with every discovery and peers part over its own database, the way the
 * node wires them: the gater and listeners on the host, the dialler through a {@link HostPeerConnector}.
 */
public final class TestPeerNode implements AutoCloseable {

    public final NodeDatabase db;
    public final NettyHost host;
    public final Multiaddr address;
    public final PostgresAddressBook book;
    public final BanList bans;
    public final PeerScores scores;
    public final RateLimits rateLimits;
    public final ConnectionManager connections;
    public final PeerObserver observer;
    public final OutboundDialer dialer;
    public final PeerExchange exchange;
    public final OutboxSignal outboxSignal = new OutboxSignal();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public TestPeerNode(String name, ConnectionLimits limits, EvictionPolicy.Settings eviction, boolean publishEvents) throws Exception {
        this(name, limits, eviction, publishEvents, "127.0.0.1");
    }

    public TestPeerNode(String name, ConnectionLimits limits, EvictionPolicy.Settings eviction, boolean publishEvents,
            String listenIp) throws Exception {
        this(name, limits, eviction, publishEvents, listenIp, ExemptAddresses.loopbackOnly(), HostConfig.defaults());
    }

    /** With {@code exempt} addresses for the connection manager and {@code hostConfig}'s limits (connection totals 256 each). */
    public TestPeerNode(String name, ConnectionLimits limits, EvictionPolicy.Settings eviction, boolean publishEvents,
            String listenIp, ExemptAddresses exempt, HostConfig hostConfig) throws Exception {
        Clock clock = Clock.systemUTC();
        db = NodeDatabase.create(name);
        host = NettyHost.create(NodeIdentity.generate(), hostConfig.withAgentVersion("numicoin-test/" + name)
                .withConnectionLimits(256, 256));
        address = host.listen(Multiaddr.parse("/ip4/" + listenIp + "/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(host.peerId());
        book = new PostgresAddressBook(JdbcClient.create(db.dataSource()), PostgresAddressBook.Settings.defaults());
        bans = new BanList(book, clock);
        bans.load();
        HostPeerConnector connector = new HostPeerConnector(host);
        scores = new PeerScores(bans, PeerScores.Settings.defaults(), clock, connector::disconnect);
        rateLimits = new RateLimits(Map.of("/numi/regtest/peers/1", new RateLimits.Limit(3, 0.1)), scores, 10, System::nanoTime);
        connections = new ConnectionManager(limits, bans, new EvictionPolicy(eviction), exempt, clock);
        connections.onPeerGone(rateLimits::forget);
        EventOutbox outbox = new EventOutbox(new JdbcOutboxWriter(db.jdbc(), outboxSignal), db.transactions(), 0x7e57, clock,
                publishEvents, new io.numicoin.node.outbox.PublishedTransactions(db.jdbc(), clock));
        PeerObservationPublisher events = new PeerObservationPublisher(outbox, clock, Duration.ofMinutes(10));
        observer = new PeerObserver(host, book, connections, events, clock, executor);
        host.setConnectionGater(connections);
        host.addConnectionListener(connections);
        host.addConnectionListener(observer);
        dialer = new OutboundDialer(book, connections, bans, connector, observer, clock);
        exchange = new PeerExchange(host, NetworkProtocols.peerExchange(Network.REGTEST), book, rateLimits, dialer, clock, executor, 32, Duration.ofHours(24));
        exchange.install();
    }

    @Override
    public void close() {
        host.close();
        executor.shutdownNow();
        db.close();
    }
}
