package io.numicoin.node.p2p.discovery;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.P2pProperties;
import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.ConnectionManager;
import io.numicoin.node.p2p.peers.PeerObservationPublisher;
import io.numicoin.node.p2p.peers.PeerObserver;
import io.numicoin.node.p2p.peers.PeerScores;
import io.numicoin.node.p2p.peers.PostgresAddressBook;
import io.numicoin.node.p2p.peers.RateLimits;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The discovery area: a {@link DiscoveryLifecycle} that, when the node has a libp2p host and a
 * {@link PeerConnector}, installs the gater, observers and peer exchange on the host as the context
 * starts and runs {@link DiscoveryService} once the host listens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "numi.p2p.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "numi.command", havingValue = "serve", matchIfMissing = true)
public class DiscoveryConfiguration {

    @Bean
    PeerExchangeHints peerExchangeHints() {
        return new PeerExchangeHints();
    }

    @Bean
    DiscoveryLifecycle discoveryLifecycle(PeerExchangeHints hints, ObjectProvider<NettyHost> host, ObjectProvider<PeerConnector> connector,
            ObjectProvider<P2pProperties> p2p, DiscoveryProperties properties, NetworkParams params,
            PostgresAddressBook book, BanList bans, PeerScores scores, RateLimits rateLimits, ConnectionManager connections,
            PeerObservationPublisher events, Clock clock) {
        NettyHost h = host.getIfAvailable();
        PeerConnector c = connector.getIfAvailable();
        if (h == null || c == null) {
            return new DiscoveryLifecycle(null);
        }
        ExecutorService discoveryWorkers = Executors.newVirtualThreadPerTaskExecutor();  // shut down with the service
        PeerObserver observer = new PeerObserver(h, book, connections, events, clock, discoveryWorkers);
        OutboundDialer dialer = new OutboundDialer(book, connections, bans, c, observer, clock);
        PeerExchange exchange = new PeerExchange(h, NetworkProtocols.peerExchange(params.network()), book, rateLimits, dialer, clock, discoveryWorkers,
                properties.exchangeMaxAnswer(), properties.exchangeGoodWithin());
        rateLimits.setLimit(exchange.protocolId().toString(),
                new RateLimits.Limit(properties.exchangeBurst(), properties.exchangePerSecond()));
        Optional<InetSocketAddress> resolver = properties.dnsResolver().isBlank() ? Optional.empty()
                : Optional.of(hostPort(properties.dnsResolver()));
        DnsSeedResolver dns = new DnsSeedResolver(resolver, properties.defaultPort(), properties.dnsTimeout());
        boolean mdnsOn = properties.mdns() != null ? properties.mdns() : params.network() == Network.REGTEST;
        Optional<MdnsDiscovery> mdns = mdnsOn
                ? Optional.of(new MdnsDiscovery(h.peerId(), h::listenAddresses, properties.mdnsInterval(), new SecureRandom()))
                : Optional.empty();
        List<String> bootstrap = Optional.ofNullable(p2p.getIfAvailable()).map(P2pProperties::bootstrap).orElse(List.of());
        DiscoveryService service = new DiscoveryService(h, book, bans, scores, connections, observer, dialer, exchange, dns,
                mdns, new DiscoveryService.Settings(bootstrap, dnsSeeds(properties, params), properties.dialInterval(),
                        properties.exchangeInterval(), properties.seedInterval(), properties.wantedAddresses()), clock,
                discoveryWorkers);
        service.install();
        hints.forwardTo(exchange);
        return new DiscoveryLifecycle(service);
    }

    /** The configured seeds, then the network's (unless turned off), each once. */
    static List<String> dnsSeeds(DiscoveryProperties properties, NetworkParams params) {
        List<String> seeds = new ArrayList<>(properties.dnsSeeds());
        if (properties.networkDnsSeeds()) {
            params.dnsSeeds().stream().filter(s -> !seeds.contains(s)).forEach(seeds::add);
        }
        return List.copyOf(seeds);
    }

    private static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(text.replace("[", "").replace("]", ""), 53);
        }
        return new InetSocketAddress(text.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(text.substring(colon + 1)));
    }
}
