package io.numicoin.node.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.node.p2p.peers.ConnectionLimits;
import io.numicoin.node.p2p.peers.EvictionPolicy;
import io.numicoin.node.p2p.peers.PeerEntry;
import io.numicoin.node.p2p.peers.TestPeerNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** End to end: a node finds a peer through a DNS seed (dnsaddr TXT on an in-test server), dials it and records it. */
class DiscoveryServiceIT {

    @Test
    void aDnsSeedLeadsToAnOutboundConnection() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(8, 117, 100);
        try (TestPeerNode a = new TestPeerNode("disc_a", limits, EvictionPolicy.Settings.defaults(), false);
             TestPeerNode b = new TestPeerNode("disc_b", limits, EvictionPolicy.Settings.defaults(), false);
             TestPeerNode c = new TestPeerNode("disc_c", limits, EvictionPolicy.Settings.defaults(), false);
             TestDnsServer dns = new TestDnsServer().txt("_dnsaddr.seed.numi.test", "dnsaddr=" + b.address)) {
            DiscoveryService service = new DiscoveryService(a.host, a.book, a.bans, a.scores, a.connections, a.observer,
                    a.dialer, a.exchange, new DnsSeedResolver(Optional.of(dns.address()), 8333, Duration.ofSeconds(2)),
                    Optional.empty(), new DiscoveryService.Settings(List.of(c.address.toString(), "not an address"),
                            List.of("seed.numi.test"), Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMinutes(10), 32),
                    Clock.systemUTC());
            try (service) {
                service.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> a.host.connection(b.host.peerId()).isPresent()
                        && a.host.connection(c.host.peerId()).isPresent());
                await().atMost(Duration.ofSeconds(5)).until(() -> a.book.entry(b.address).flatMap(PeerEntry::lastSuccess).isPresent());
                assertThat(a.book.entry(b.address).orElseThrow().source()).isEqualTo("dns");
                assertThat(a.book.entry(c.address).orElseThrow().source()).isEqualTo("bootstrap");
                assertThat(a.book.entry(b.address).orElseThrow().agent()).contains("numicoin-test/disc_b");
            }
        }
    }
}
