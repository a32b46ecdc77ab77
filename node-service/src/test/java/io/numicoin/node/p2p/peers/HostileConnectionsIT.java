package io.numicoin.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile connections against a real host wired as the node wires it (gater, bans, PostgreSQL address
 * book), all over 127.0.0.1: raw sockets that never handshake, a banned peer coming back with a new
 * key, too many connections from one address. Loopback exemption is turned off where the address
 * rules are under test, since every peer here is on loopback.
 */
class HostileConnectionsIT {

    private static final ConnectionLimits ROOMY = new ConnectionLimits(8, 117, 100, 100, 100);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private TestPeerNode node(String name, ConnectionLimits limits, ExemptAddresses exempt, HostConfig config) throws Exception {
        // nothing protected from eviction by ping or blocks: any authenticated newcomer could take a slot
        TestPeerNode node = new TestPeerNode(name, limits, new EvictionPolicy.Settings(0, 0), false, "127.0.0.1", exempt, config);
        open.add(node);
        return node;
    }

    private TestPeerNode peer(String name) throws Exception {
        return node(name, ROOMY, ExemptAddresses.loopbackOnly(), HostConfig.defaults());
    }

    private static Throwable dialFailure(TestPeerNode from, Multiaddr to) {
        try {
            from.host.dial(to).get(10, TimeUnit.SECONDS);
            throw new AssertionError("dial of " + to + " succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoHundredRawSocketsThatNeverHandshakeDisconnectNoEstablishedPeer() throws Exception {
        // inbound slots full with four authenticated peers, eviction possible (nothing protected by ping or blocks)
        TestPeerNode a = node("raw_a", new ConnectionLimits(8, 4, 100, 100, 100), ExemptAddresses.loopbackOnly(),
                HostConfig.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(3)));
        List<TestPeerNode> established = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestPeerNode p = peer("raw_p" + i);
            p.host.dial(a.address).get(10, TimeUnit.SECONDS);
            established.add(p);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.connections.count(Direction.INBOUND) == 4);
        assertThat(a.connections.evictionVictim()).as("an authenticated newcomer could evict one").isPresent();

        InetSocketAddress target = a.address.withoutPeerId().toTcpSocketAddress();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket s = new Socket();
            open.add(s);
            s.connect(target, 5000);
            sockets.add(s);
        }
        assertThat(a.host.pendingInbound()).isLessThanOrEqualTo(HostConfig.defaults().maxPendingInbound());

        // every raw socket is closed (refused at accept, or its handshake timed out) ...
        for (Socket s : sockets) {
            assertThat(closedByPeerWithin(s, Duration.ofSeconds(30))).isTrue();
        }
        // ... and no established peer was disconnected for them
        for (TestPeerNode p : established) {
            assertThat(a.host.connection(p.host.peerId())).as("established peer %s", p.host.peerId()).isPresent();
        }
        assertThat(a.connections.count(Direction.INBOUND)).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.pendingInbound() == 0);
    }

    private static boolean closedByPeerWithin(Socket socket, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[256];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (java.io.IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Test
    void aBannedPeerReconnectingFromTheSameAddressWithANewKeyIsRefused() throws Exception {
        TestPeerNode a = node("ban_a", ROOMY, ExemptAddresses.none(), HostConfig.defaults());
        TestPeerNode b = peer("ban_b");
        b.host.dial(a.address).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.connections.count(Direction.INBOUND) == 1);
        a.scores.penalise(b.host.peerId(), PeerPenalty.Reason.INVALID_HEADER, PeerPenalty.Severity.FATAL, "bad pow");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(b.host.peerId()).isEmpty());
        assertThat(a.bans.isBanned(InetAddress.getByName("127.0.0.1"))).isTrue();

        TestPeerNode sameMachineNewKey = peer("ban_b2");
        assertThat(dialFailure(sameMachineNewKey, a.address)).isInstanceOf(DialException.class);
        assertThat(a.host.connection(sameMachineNewKey.host.peerId())).isEmpty();
        assertThat(a.connections.count(Direction.INBOUND)).isZero();
        // dialling out to the banned address is refused too
        assertThat(dialFailure(a, sameMachineNewKey.address)).isInstanceOfSatisfying(DialException.class,
                e -> assertThat(e.kind()).isEqualTo(DialException.Kind.GATED));
    }

    @Test
    void anAddressBanExpiresWithThePeersBan() throws Exception {
        TestPeerNode a = node("expiry_a", ROOMY, ExemptAddresses.none(), HostConfig.defaults());
        TestPeerNode b = peer("expiry_b");
        b.host.dial(a.address).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.connections.count(Direction.INBOUND) == 1);
        a.bans.ban(b.host.peerId(), Duration.ofSeconds(3), "test");
        a.host.disconnect(b.host.peerId()).get(10, TimeUnit.SECONDS);
        TestPeerNode newKey = peer("expiry_b2");
        assertThat(dialFailure(newKey, a.address)).isInstanceOf(DialException.class);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> !a.bans.isBanned(InetAddress.getByName("127.0.0.1")));
        newKey.host.dial(a.address).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(newKey.host.peerId()).isPresent());
    }

    @Test
    void loopbackIsExemptFromAddressBansButNotFromThePeerIdBan() throws Exception {
        TestPeerNode a = node("exempt_a", ROOMY, ExemptAddresses.loopbackOnly(), HostConfig.defaults());
        TestPeerNode b = peer("exempt_b");
        b.host.dial(a.address).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.connections.count(Direction.INBOUND) == 1);
        a.scores.penalise(b.host.peerId(), PeerPenalty.Reason.INVALID_HEADER, PeerPenalty.Severity.FATAL, "bad pow");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(b.host.peerId()).isEmpty());

        assertThat(dialFailure(b, a.address)).as("the banned key").isInstanceOf(DialException.class);
        TestPeerNode devnetNeighbour = peer("exempt_c");
        devnetNeighbour.host.dial(a.address).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(devnetNeighbour.host.peerId()).isPresent());
    }

    @Test
    void inboundConnectionsAreCappedPerAddressAndPerSubnet() throws Exception {
        TestPeerNode perIp = node("cap_ip", new ConnectionLimits(8, 117, 100, 2, 100), ExemptAddresses.none(), HostConfig.defaults());
        TestPeerNode perSubnet = node("cap_net", new ConnectionLimits(8, 117, 100, 100, 2), ExemptAddresses.none(), HostConfig.defaults());
        for (TestPeerNode a : List.of(perIp, perSubnet)) {
            TestPeerNode p1 = peer(a == perIp ? "cap_ip1" : "cap_net1");
            TestPeerNode p2 = peer(a == perIp ? "cap_ip2" : "cap_net2");
            TestPeerNode p3 = peer(a == perIp ? "cap_ip3" : "cap_net3");
            p1.host.dial(a.address).get(10, TimeUnit.SECONDS);
            p2.host.dial(a.address).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.connections.count(Direction.INBOUND) == 2);
            assertThat(dialFailure(p3, a.address)).isInstanceOf(DialException.class);
            assertThat(a.connections.count(Direction.INBOUND)).isEqualTo(2);
        }
        // with loopback exempt (the default) the same node takes them all
        TestPeerNode exempt = node("cap_exempt", new ConnectionLimits(8, 117, 100, 1, 1), ExemptAddresses.loopbackOnly(),
                HostConfig.defaults());
        for (int i = 0; i < 3; i++) {
            peer("cap_ex" + i).host.dial(exempt.address).get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> exempt.connections.count(Direction.INBOUND) == 3);
    }
}
