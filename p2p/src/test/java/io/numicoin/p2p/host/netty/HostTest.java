package io.numicoin.p2p.host.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import io.numicoin.p2p.protocols.identify.IdentifyService;
import io.numicoin.p2p.protocols.ping.PingService;
import io.numicoin.p2p.host.ConnectionGater;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.testing.Echo;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostTest {

    private NettyHost a;
    private NettyHost b;

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void dialsHandshakesPingsAndIdentifies() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("a/1"));
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("b/1"));
        Multiaddr addr = b.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);

        Connection conn = a.dial(addr.withPeerId(b.peerId())).get(5, TimeUnit.SECONDS);
        assertThat(conn.remotePeer()).isEqualTo(b.peerId());
        assertThat(conn.direction()).isEqualTo(Direction.OUTBOUND);

        Duration rtt = a.ping().ping(conn).get(5, TimeUnit.SECONDS);
        assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(5));

        IdentifyMessage id = a.identify().identify(conn).get(5, TimeUnit.SECONDS);
        assertThat(id.agentVersion()).isEqualTo("b/1");
        assertThat(id.protocols()).contains(IdentifyService.PROTOCOL.value(), PingService.PROTOCOL.value());
        assertThat(id.listenAddrs()).containsExactly(addr);
        assertThat(id.observedAddr()).contains(conn.localAddress());

        Connection back = b.connection(a.peerId()).orElseThrow();
        assertThat(back.direction()).isEqualTo(Direction.INBOUND);
        IdentifyMessage idA = b.identify().identify(back).get(5, TimeUnit.SECONDS);
        assertThat(idA.agentVersion()).isEqualTo("a/1");
        assertThat(b.ping().ping(back).get(5, TimeUnit.SECONDS)).isPositive();
    }

    @Test
    void listensOnTheIpv4WildcardAsToldAndSaysSo() throws Exception {
        // the JDK's default server socket is dual-stack IPv6: 0.0.0.0 used to come back as /ip6/::
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("b/1"));
        Multiaddr bound = b.listen(Multiaddr.parse("/ip4/0.0.0.0/tcp/0")).get(5, TimeUnit.SECONDS);
        assertThat(bound.toString()).startsWith("/ip4/0.0.0.0/tcp/");
        assertThat(b.listenAddresses()).containsExactly(bound);

        Multiaddr loopback = Multiaddr.parse(bound.toString().replace("/ip4/0.0.0.0/", "/ip4/127.0.0.1/"));
        Connection conn = a.dial(loopback.withPeerId(b.peerId())).get(5, TimeUnit.SECONDS);
        assertThat(a.identify().identify(conn).get(5, TimeUnit.SECONDS).listenAddrs()).containsExactly(bound);
    }

    private Multiaddr listening(NettyHost host) throws Exception {
        return host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(host.peerId());
    }

    private static void assertFailure(CompletableFuture<?> future, Class<? extends Exception> type, Object kind) {
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(type)
                .hasMessageStartingWith(kind + ":");
    }

    @Test
    void manyConcurrentStreamsMoveMoreThanTenMebibytesUnderFlowControl() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Echo.serve(b);
        Connection conn = a.dial(listening(b)).get(5, TimeUnit.SECONDS);
        Random random = new Random(99);
        List<byte[]> payloads = new ArrayList<>();
        List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            byte[] payload = new byte[256 * 1024 + random.nextInt(256 * 1024)]; // beyond one 256 KiB window
            random.nextBytes(payload);
            payloads.add(payload);
            echoes.add(Echo.roundTrip(conn, payload));
        }
        long total = 0;
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(echoes.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(payloads.get(i));
            total += payloads.get(i).length;
        }
        assertThat(total).isGreaterThan(10L << 20);
    }

    @Test
    void refusesAPeerThatIsNotTheOneDialled() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Multiaddr addr = listening(b).withPeerId(PeerId.fromEd25519PublicKey(new byte[32]));
        assertFailure(a.dial(addr), DialException.class, DialException.Kind.PEER_ID_MISMATCH);
        assertThat(b.connections()).isEmpty();
    }

    @Test
    void failsToConnectToAClosedPort() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        assertFailure(a.dial(Multiaddr.parse("/ip4/127.0.0.1/tcp/1")), DialException.class, DialException.Kind.CONNECT_FAILED);
        assertFailure(a.dial(Multiaddr.parse("/ip4/127.0.0.1/udp/1")), DialException.class, DialException.Kind.BAD_ADDRESS);
        assertFailure(a.dial(Multiaddr.parse("/ip4/127.0.0.1/tcp/1").withPeerId(a.peerId())), DialException.class,
                DialException.Kind.BAD_ADDRESS);
    }

    @Test
    void dialNewOpensAConnectionOfItsOwnWhereDialReusesTheOpenOne() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Multiaddr addr = listening(b).withPeerId(b.peerId());
        Connection first = a.dial(addr).get(5, TimeUnit.SECONDS);
        assertThat(a.dial(addr).get(5, TimeUnit.SECONDS)).isSameAs(first);

        Connection own = a.dialNew(addr).get(5, TimeUnit.SECONDS);
        assertThat(own).isNotSameAs(first);
        assertThat(own.remotePeer()).isEqualTo(b.peerId());
        assertThat(a.connections()).containsExactlyInAnyOrder(first, own);
        assertThat(a.ping().ping(own).get(5, TimeUnit.SECONDS)).isPositive();

        // an address of the same peer that does not answer fails, however open the peer's other connection is
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Multiaddr dead = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closed).withPeerId(b.peerId());
        assertFailure(a.dialNew(dead), DialException.class, DialException.Kind.CONNECT_FAILED);
        assertThat(a.dial(dead).get(5, TimeUnit.SECONDS)).as("dial answers with the open connection").isIn(first, own);

        own.close().get(5, TimeUnit.SECONDS);
        assertThat(first.isOpen()).as("closing one connection leaves the peer's other open").isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(a.connections()).containsExactly(first));
    }

    @Test
    void enforcesConnectionLimits() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withConnectionLimits(1, 1));
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Multiaddr aAddr = listening(a);
        Multiaddr bAddr = listening(b);
        try (NettyHost c = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
                NettyHost d = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults())) {
            Multiaddr cAddr = listening(c);
            // outbound: one allowed
            a.dial(bAddr).get(5, TimeUnit.SECONDS);
            assertFailure(a.dial(cAddr), DialException.class, DialException.Kind.CONNECTION_LIMIT);
            // inbound: one allowed
            c.dial(aAddr).get(5, TimeUnit.SECONDS);
            assertFailure(d.dial(aAddr), DialException.class, DialException.Kind.UPGRADE_FAILED);
            assertThat(a.connections()).hasSize(2);
        }
    }

    @Test
    void theGaterCanRefuseAPeerAndDisconnectCloses() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Multiaddr bAddr = listening(b);
        b.setConnectionGater(new ConnectionGater() {
            @Override
            public boolean allowSecured(PeerId peer, Direction direction) {
                return !peer.equals(a.peerId());
            }
        });
        assertFailure(a.dial(bAddr), DialException.class, DialException.Kind.UPGRADE_FAILED);

        b.setConnectionGater(ConnectionGater.ALLOW_ALL);
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch disconnected = new CountDownLatch(1);
        b.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                connected.countDown();
            }

            @Override
            public void onDisconnected(Connection connection) {
                disconnected.countDown();
            }
        });
        Connection conn = a.dial(bAddr).get(5, TimeUnit.SECONDS);
        assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
        b.disconnect(a.peerId()).get(5, TimeUnit.SECONDS);
        assertThat(disconnected.await(5, TimeUnit.SECONDS)).isTrue();
        conn.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(conn.isOpen()).isFalse();
        assertFailure(conn.newStream(PingService.PROTOCOL), StreamException.class, StreamException.Kind.CONNECTION_CLOSED);
    }

    @Test
    void unsupportedProtocolsAndTheStreamLimitFailTyped() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withMaxStreamsPerConnection(2));
        Echo.serve(b);
        Connection conn = a.dial(listening(b)).get(5, TimeUnit.SECONDS);
        assertFailure(conn.newStream(ProtocolId.of("/nobody/1")), StreamException.class, StreamException.Kind.PROTOCOL_NOT_SUPPORTED);
        // two open echo streams fill b's limit; the third is reset by b
        conn.newStream(Echo.PROTOCOL).get(5, TimeUnit.SECONDS);
        conn.newStream(Echo.PROTOCOL).get(5, TimeUnit.SECONDS);
        assertFailure(conn.newStream(Echo.PROTOCOL), StreamException.class, StreamException.Kind.STREAM_RESET);
        // a's own limit
        try (NettyHost c = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withMaxStreamsPerConnection(1))) {
            Connection cConn = c.dial(b.listenAddresses().getFirst()).get(5, TimeUnit.SECONDS);
            cConn.newStream(PingService.PROTOCOL).get(5, TimeUnit.SECONDS);
            assertFailure(cConn.newStream(PingService.PROTOCOL), StreamException.class, StreamException.Kind.STREAM_LIMIT);
        }
    }

    @Test
    void aPausedReaderHoldsTheWriterAtTheWindow() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        ProtocolId sink = ProtocolId.of("/test/sink/1");
        CompletableFuture<io.numicoin.p2p.host.Stream> served = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        b.setStreamHandler(sink, stream -> {
            stream.pauseReading();
            stream.setListener((s, data) -> received.addAndGet(data.length));
            served.complete(stream);
        });
        Connection conn = a.dial(listening(b)).get(5, TimeUnit.SECONDS);
        io.numicoin.p2p.host.Stream stream = conn.newStream(sink).get(5, TimeUnit.SECONDS);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writes.add(stream.write(new byte[64 * 1024]));
        }
        io.numicoin.p2p.host.Stream remote = served.get(5, TimeUnit.SECONDS);
        // the 256 KiB window (less the few bytes of protocol negotiation) takes three writes whole
        writes.get(2).get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertThat(writes.get(3)).isNotDone(); // the rest waits for a window update
        assertThat(writes.get(7)).isNotDone();
        assertThat(received.get()).isZero();

        remote.resumeReading();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.get() < 512 * 1024 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(received.get()).isEqualTo(512 * 1024);
    }

    @Test
    void keepAlivePingsKeepAnIdleConnectionOpen() throws Exception {
        HostConfig fast = HostConfig.defaults().withKeepAliveInterval(Duration.ofMillis(100));
        a = NettyHost.create(NodeIdentity.generate(), fast);
        b = NettyHost.create(NodeIdentity.generate(), fast);
        Connection conn = a.dial(listening(b)).get(5, TimeUnit.SECONDS);
        Thread.sleep(600); // several ping rounds each way
        assertThat(conn.isOpen()).isTrue();
        assertThat(a.ping().ping(conn).get(5, TimeUnit.SECONDS)).isPositive();
    }
}
