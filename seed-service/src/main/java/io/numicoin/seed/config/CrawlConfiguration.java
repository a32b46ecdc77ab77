package io.numicoin.seed.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.crawl.CrawlSchedule;
import io.numicoin.seed.crawl.CrawlSettings;
import io.numicoin.seed.crawl.Crawler;
import io.numicoin.seed.crawl.P2pPeerProbe;
import io.numicoin.seed.crawl.PeerProbe;
import io.numicoin.seed.peers.PeerStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The crawl ({@code numi.seed.crawl.enabled}, default on): a dial-only libp2p host with a fresh
 * identity per start (the seed keeps no key: peers need not recognise it), the probe that speaks
 * this network's status and peer-exchange protocols, the crawler and its schedule.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "numi.seed.crawl.enabled", matchIfMissing = true)
public class CrawlConfiguration {

    @Bean(destroyMethod = "close")
    NettyHost crawlHost(SeedProperties properties) {
        int concurrent = properties.seed().crawl().maxConcurrent();
        return NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("numicoin-seed/0.1.0")
                .withConnectionLimits(0, concurrent + 8).withTimeouts(properties.seed().crawl().visitTimeout(),
                        properties.seed().crawl().visitTimeout()));
    }

    @Bean
    PeerProbe peerProbe(NettyHost crawlHost, NetworkParams params, SeedProperties properties) {
        SeedProperties.Crawl crawl = properties.seed().crawl();
        return new P2pPeerProbe(crawlHost, NetworkProtocols.of(params.network(), crawl.visitTimeout()),
                ChainStatusMessage.atGenesis(params), crawl.visitTimeout(), crawl.addressesPerVisit());
    }

    @Bean
    Crawler crawler(PeerStore store, PeerProbe probe, SeedProperties properties, Clock clock, MeterRegistry registry) {
        SeedProperties.Crawl crawl = properties.seed().crawl();
        return new Crawler(store, probe, new CrawlSettings(crawl.maxConcurrent(), crawl.claimFor()), clock, registry);
    }

    @Bean
    CrawlSchedule crawlSchedule(Crawler crawler, SeedProperties properties) {
        return new CrawlSchedule(crawler, properties.seed().crawl().bootstrap(), properties.seed().crawl().tick());
    }
}
