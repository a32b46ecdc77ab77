package io.numicoin.node.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DNS seeds resolved through the JDK's JNDI DNS provider against {@link TestDnsServer} on 127.0.0.1. */
class DnsSeedResolverIT {

    private static final PeerId P1 = NodeIdentity.generate().peerId();
    private static final PeerId P2 = NodeIdentity.generate().peerId();
    private static TestDnsServer dns;
    private static DnsSeedResolver resolver;

    @BeforeAll
    static void server() throws Exception {
        dns = new TestDnsServer()
                .a("seed.numi.test", "203.0.113.7")
                .a("seed.numi.test", "203.0.113.8")
                .aaaa("seed.numi.test", "2001:db8::1")
                .txt("_dnsaddr.seed.numi.test", "dnsaddr=/ip4/198.51.100.1/tcp/30333/p2p/" + P1.toBase58())
                .txt("_dnsaddr.seed.numi.test", "dnsaddr=/dnsaddr/more.numi.test")
                .txt("_dnsaddr.seed.numi.test", "dnsaddr=/ip4/999.1.1.1/tcp/1")         // malformed: skipped
                .txt("_dnsaddr.seed.numi.test", "something else")                      // not dnsaddr: skipped
                .txt("_dnsaddr.more.numi.test", "dnsaddr=/ip6/2001:db8::2/tcp/8333/p2p/" + P2.toBase58())
                .txt("_dnsaddr.only.numi.test", "dnsaddr=/ip4/198.51.100.9/tcp/1234/p2p/" + P2.toBase58())
                .txt("_dnsaddr.loop.numi.test", "dnsaddr=/dnsaddr/loop.numi.test");
        resolver = new DnsSeedResolver(Optional.of(dns.address()), 8333, Duration.ofSeconds(2));
    }

    @AfterAll
    static void close() {
        dns.close();
    }

    @Test
    void aAaaaAndDnsaddrRecordsBecomeMultiaddrs() {
        assertThat(resolver.resolve("seed.numi.test")).containsExactly(
                Multiaddr.parse("/ip4/203.0.113.7/tcp/8333"),
                Multiaddr.parse("/ip4/203.0.113.8/tcp/8333"),
                Multiaddr.parse("/ip6/2001:db8::1/tcp/8333"),
                Multiaddr.parse("/ip4/198.51.100.1/tcp/30333/p2p/" + P1.toBase58()),
                Multiaddr.parse("/ip6/2001:db8::2/tcp/8333/p2p/" + P2.toBase58()));
    }

    @Test
    void dnsaddrOnlySeedsLoopsAndUnknownNames() {
        assertThat(resolver.resolve("only.numi.test"))
                .containsExactly(Multiaddr.parse("/ip4/198.51.100.9/tcp/1234/p2p/" + P2.toBase58()));
        assertThat(resolver.resolve("loop.numi.test")).isEmpty();
        assertThat(resolver.resolve("nothing.numi.test")).isEmpty();
        assertThat(dns.queries()).isPositive();
    }
}
