package io.numicoin.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The gater and eviction on real hosts over 127.0.0.1, each with its own PostgreSQL address book. */
class ConnectionManagerIT {

    private final List<TestPeerNode> nodes = new ArrayList<>();

    private TestPeerNode node(String name, ConnectionLimits limits, EvictionPolicy.Settings eviction) throws Exception {
        TestPeerNode node = new TestPeerNode(name, limits, eviction, false);
        nodes.add(node);
        return node;
    }

    private TestPeerNode node(String name) throws Exception {
        return node(name, new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults());
    }

    @AfterEach
    void close() {
        nodes.forEach(TestPeerNode::close);
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
    void bannedPeersAreRefusedBothWaysAndTheBanIsRecorded() throws Exception {
        TestPeerNode a = node("gate_a");
        TestPeerNode b = node("gate_b");
        a.scores.penalise(b.host.peerId(), io.numicoin.node.p2p.hooks.PeerPenalty.Reason.INVALID_HEADER,
                io.numicoin.node.p2p.hooks.PeerPenalty.Severity.FATAL, "bad pow");

        assertThat(dialFailure(a, b.address)).isInstanceOfSatisfying(DialException.class,
                e -> assertThat(e.kind()).isEqualTo(DialException.Kind.GATED));
        assertThat(dialFailure(b, a.address)).isInstanceOf(DialException.class);
        assertThat(a.host.connection(b.host.peerId())).isEmpty();
        assertThat(a.book.activeBans(java.time.Instant.now())).containsKey(b.host.peerId());

        // a peer banned while connected is disconnected
        TestPeerNode c = node("gate_c");
        c.host.dial(a.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections.count(Direction.INBOUND) == 1);
        a.scores.penalise(c.host.peerId(), io.numicoin.node.p2p.hooks.PeerPenalty.Reason.WRONG_GENESIS,
                io.numicoin.node.p2p.hooks.PeerPenalty.Severity.FATAL, "testnet");
        await().atMost(Duration.ofSeconds(5)).until(() -> a.host.connection(c.host.peerId()).isEmpty()
                && a.connections.count(Direction.INBOUND) == 0);
    }

    @Test
    void aPeersRateLimitBudgetsAreDroppedWhenItsLastConnectionCloses() throws Exception {
        TestPeerNode a = node("gone_a");
        TestPeerNode b = node("gone_b");
        a.host.dial(b.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections.count(Direction.OUTBOUND) == 1);
        assertThat(a.rateLimits.tryAcquire(b.host.peerId(), "/numi/regtest/peers/1")).isTrue();
        assertThat(a.rateLimits.bucketCount()).isEqualTo(1);

        a.host.connection(b.host.peerId()).orElseThrow().close();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.rateLimits.bucketCount() == 0);
        assertThat(a.connections.count(Direction.OUTBOUND)).isZero();
    }

    @Test
    void outboundLimitAndGroupLimitRefuseDials() throws Exception {
        String ip = nonLoopbackIpv4();
        Assumptions.assumeTrue(ip != null, "no non-loopback IPv4 address on this machine");
        TestPeerNode a = node("out_a", new ConnectionLimits(3, 117, 1), EvictionPolicy.Settings.defaults());
        TestPeerNode b = new TestPeerNode("out_b", new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), false, ip);
        nodes.add(b);
        TestPeerNode c = new TestPeerNode("out_c", new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), false, ip);
        nodes.add(c);
        TestPeerNode d = node("out_d");
        TestPeerNode e = node("out_e");
        TestPeerNode f = node("out_f");
        a.host.dial(b.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections.count(Direction.OUTBOUND) == 1);
        // b and c share a /16: one outbound per group
        assertThat(dialFailure(a, c.address)).isInstanceOfSatisfying(DialException.class,
                x -> assertThat(x.kind()).isEqualTo(DialException.Kind.GATED));
        // loopback peers are exempt from the group limit, not from the outbound limit
        a.host.dial(d.address).get(5, TimeUnit.SECONDS);
        a.host.dial(e.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections.count(Direction.OUTBOUND) == 3);
        assertThat(a.connections.freeOutboundSlots()).isZero();
        assertThat(dialFailure(a, f.address)).isInstanceOfSatisfying(DialException.class,
                x -> assertThat(x.kind()).isEqualTo(DialException.Kind.GATED));
    }

    private static String nonLoopbackIpv4() throws Exception {
        for (java.net.NetworkInterface nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (java.net.InetAddress address : java.util.Collections.list(nif.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        return null;
    }

    @Test
    void aFullNodeEvictsAnUnprotectedInboundPeerAndRefusesWhenAllAreProtected() throws Exception {
        TestPeerNode a = node("evict_a", new ConnectionLimits(8, 2, 100), new EvictionPolicy.Settings(0, 2));
        TestPeerNode b = node("evict_b");
        TestPeerNode c = node("evict_c");
        TestPeerNode d = node("evict_d");
        TestPeerNode e = node("evict_e");
        b.host.dial(a.address).get(5, TimeUnit.SECONDS);
        c.host.dial(a.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections.count(Direction.INBOUND) == 2);
        // c relayed a useful block: protected; b is all that is left (half of one protects none)
        a.connections.recordUsefulBlock(c.host.peerId());
        assertThat(a.connections.evictionVictim()).map(conn -> conn.remotePeer()).contains(b.host.peerId());

        d.host.dial(a.address).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.host.connection(b.host.peerId()).isEmpty()
                && a.host.connection(d.host.peerId()).isPresent() && a.connections.count(Direction.INBOUND) == 2);
        assertThat(a.host.connection(c.host.peerId())).isPresent();

        // d relays a block too: both protected, so e is refused and nobody is evicted
        a.connections.recordUsefulBlock(d.host.peerId());
        assertThat(a.connections.evictionVictim()).isEmpty();
        assertThat(dialFailure(e, a.address)).isInstanceOf(DialException.class);
        assertThat(a.host.connection(c.host.peerId())).isPresent();
        assertThat(a.host.connection(d.host.peerId())).isPresent();
        assertThat(a.host.connection(e.host.peerId())).isEmpty();
    }
}
