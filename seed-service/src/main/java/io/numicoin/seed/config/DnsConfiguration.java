package io.numicoin.seed.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.seed.dns.ClientRateLimiter;
import io.numicoin.seed.dns.DnsMetrics;
import io.numicoin.seed.dns.DnsResponder;
import io.numicoin.seed.dns.DnsServerSettings;
import io.numicoin.seed.dns.GoodPeerSnapshots;
import io.numicoin.seed.dns.SeedDnsServer;
import io.numicoin.seed.dns.SeedZone;
import io.numicoin.seed.peers.PeerStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DNS side: the zone, the answers snapshot (refreshed by {@link SeedTasks}), the responder and
 * the UDP/TCP server, listening once the bean exists and closed with the context.
 */
@Configuration(proxyBeanMethods = false)
public class DnsConfiguration {

    @Bean
    SeedZone seedZone(SeedProperties properties, Clock clock) {
        SeedProperties.Dns dns = properties.seed().dns();
        return SeedZone.of(dns.zone(), dns.nameServers(), dns.hostmaster(), dns.answerTtl(), dns.zoneTtl(), dns.negativeTtl(),
                clock.instant().getEpochSecond() & 0xffff_ffffL);
    }

    @Bean
    GoodPeerSnapshots goodPeerSnapshots(PeerStore store, SeedProperties properties, Clock clock, MeterRegistry registry) {
        GoodPeerSnapshots snapshots = new GoodPeerSnapshots(store, properties.seed().dns().maxServedPeers(),
                properties.seed().defaultPort(), clock);
        snapshots.refresh();
        Gauge.builder("seed.dns.good_peers", snapshots, s -> s.get().size()).description("good peers being served")
                .register(registry);
        return snapshots;
    }

    @Bean
    DnsResponder dnsResponder(SeedZone zone, GoodPeerSnapshots snapshots, SeedProperties properties) {
        SeedProperties.Dns dns = properties.seed().dns();
        return new DnsResponder(zone, snapshots, dns.maxAnswers(), dns.maxUdpPayload());
    }

    @Bean(destroyMethod = "close")
    SeedDnsServer seedDnsServer(DnsResponder responder, SeedProperties properties, MeterRegistry registry) {
        SeedProperties.Dns dns = properties.seed().dns();
        int slots = Integer.highestOneBit(dns.rateSlots());
        DnsServerSettings settings = new DnsServerSettings(new InetSocketAddress(dns.listenHost(), dns.port()), dns.udpWorkers(),
                dns.rateBurst(), dns.ratePerSecond(), slots, dns.tcpMaxConnections(), dns.tcpMaxPerClient(), dns.tcpIdleTimeout(),
                dns.tcpMaxQueriesPerConnection());
        return SeedDnsServer.start(settings, responder,
                new ClientRateLimiter(slots, dns.rateBurst(), dns.ratePerSecond(), System::nanoTime), new DnsMetrics(registry));
    }
}
