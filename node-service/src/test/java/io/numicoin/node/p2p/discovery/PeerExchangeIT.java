package io.numicoin.node.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.node.p2p.peers.ConnectionLimits;
import io.numicoin.node.p2p.peers.EvictionPolicy;
import io.numicoin.node.p2p.peers.TestPeerNode;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.reqresp.RequestResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Peer exchange between real hosts on 127.0.0.1, each with its own PostgreSQL address book. */
class PeerExchangeIT {

    private final List<TestPeerNode> nodes = new ArrayList<>();

    private TestPeerNode node(String name) throws Exception {
        TestPeerNode node = new TestPeerNode(name, new ConnectionLimits(8, 117, 100), EvictionPolicy.Settings.defaults(), false);
        nodes.add(node);
        return node;
    }

    @AfterEach
    void close() {
        nodes.forEach(TestPeerNode::close);
    }

    @Test
    void hintsAndRequestsSpreadAddressesAndTheDiallerUsesThem() throws Exception {
        TestPeerNode a = node("px_a");
        TestPeerNode b = node("px_b");
        TestPeerNode c = node("px_c");
        TestPeerNode d = node("px_d");
        TestPeerNode e = node("px_e");
        for (TestPeerNode target : List.of(c, d, e)) {
            b.host.dial(target.address).get(5, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> b.book.good(10, Instant.now(), Duration.ofHours(1)).size() == 3);
        a.host.dial(b.address).get(5, TimeUnit.SECONDS);
        // b learns a's listen address from identify on the inbound connection (not yet a success)
        await().atMost(Duration.ofSeconds(5)).until(() -> b.book.entry(a.address).map(x -> x.source()).orElse("").equals("identify"));
        assertThat(b.book.entry(a.address).orElseThrow().lastSuccess()).isEmpty();

        // a gossipsub PRUNE from b suggested e, whose address a does not know: a asks b, then dials e only
        a.exchange.peerExchange(b.host.peerId(), "/numi/regtest/blocks/1", List.of(e.host.peerId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(e.host.peerId()).isPresent());
        assertThat(a.host.connection(c.host.peerId())).isEmpty();
        assertThat(a.host.connection(d.host.peerId())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.book.entry(e.address).flatMap(x -> x.lastSuccess()).isPresent());

        // b's good addresses, never a's own
        List<Multiaddr> got = a.exchange.requestFrom(b.host.peerId(), 10).get(10, TimeUnit.SECONDS);
        assertThat(got).containsExactlyInAnyOrder(c.address, d.address, e.address);
        assertThat(a.book.entry(c.address).orElseThrow().source()).isEqualTo("px");

        // the dialler fills free outbound slots from the book: c and d (b and e are connected)
        assertThat(a.dialer.fillOutboundSlots()).containsExactlyInAnyOrder(c.address, d.address);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.host.connection(c.host.peerId()).isPresent()
                && a.host.connection(d.host.peerId()).isPresent());
        assertThat(a.dialer.fillOutboundSlots()).isEmpty();

        // b serves three requests in a burst (test limit): the fourth is refused
        a.exchange.requestFrom(b.host.peerId(), 10).get(10, TimeUnit.SECONDS);
        try {
            a.exchange.requestFrom(b.host.peerId(), 10).get(10, TimeUnit.SECONDS);
            throw new AssertionError("a fourth request in the burst was served");
        } catch (ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOfSatisfying(RequestResponseException.class,
                    x -> assertThat(x.kind()).isEqualTo(RequestResponseException.Kind.STREAM_RESET));
        }
        assertThat(b.scores.score(a.host.peerId())).isGreaterThan(9);
    }

    @Test
    void aFailedDialIsBackedOff() throws Exception {
        TestPeerNode a = node("px_fail");
        TestPeerNode gone = node("px_gone");
        Multiaddr address = gone.address;
        gone.close();
        nodes.remove(gone);
        a.book.add(address, "test", Instant.now());
        assertThat(a.dialer.fillOutboundSlots()).containsExactly(address);
        await().atMost(Duration.ofSeconds(15)).until(() -> a.book.entry(address).orElseThrow().failures() == 1);
        assertThat(a.dialer.fillOutboundSlots()).isEmpty();
    }
}
