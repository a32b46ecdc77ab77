package io.numicoin.node.p2p.peers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.p2p.host.Direction;
import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The peers area: the PostgreSQL address book, bans, scores (the node's {@link PeerPenalty}),
 * per-peer rate limits, the connection manager (gater) and the {@code numi.peers.v1} publisher.
 * On when the node serves with p2p enabled, as {@code io.numicoin.node.p2p.P2pConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "numi.p2p.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "numi.command", havingValue = "serve", matchIfMissing = true)
public class PeersConfiguration {

    @Bean
    PostgresAddressBook addressBook(DataSource dataSource, PeersProperties properties) {
        return new PostgresAddressBook(JdbcClient.create(dataSource), new PostgresAddressBook.Settings(
                properties.addressBookSize(), properties.backoffBase(), properties.backoffMax()));
    }

    @Bean
    BanList banList(PostgresAddressBook addressBook, Clock clock) {
        // written on a virtual thread: penalties arrive on event loops and the gossip thread
        return new BanList(addressBook, clock, command -> Thread.ofVirtual().name("numi-ban-writer").start(command));
    }

    /** Wins over the node's default penalty (which only disconnects). */
    @Bean
    @Primary
    PeerScores peerScores(BanList bans, PeersProperties p, Clock clock, ObjectProvider<PeerConnector> connector,
            MeterRegistry meters) {
        return new PeerScores(bans, new PeerScores.Settings(p.minorPoints(), p.majorPoints(), p.banThreshold(),
                p.scoreHalfLife(), p.banDuration()), clock, peer -> connector.ifAvailable(c -> c.disconnect(peer)), meters);
    }

    @Bean
    RateLimits rateLimits(PeerScores scores, PeersProperties properties, ConnectionManager connections, MeterRegistry meters) {
        RateLimits limits = new RateLimits(Map.of(), scores, properties.rateLimitPenalty(), System::nanoTime);
        PeerActivityRecorder.configure(limits, properties.limits().budgets());
        connections.onPeerGone(limits::forget);
        Gauge.builder("numi.p2p.rate_limit.buckets", limits, RateLimits::bucketCount)
                .description("Per-peer request budgets kept (connected peers x limited protocols)").register(meters);
        return limits;
    }

    /** What sync and gossip report about peers: eviction protection, heights, rate limits. */
    @Bean
    PeerActivityRecorder peerActivity(ConnectionManager connections, RateLimits limits, PostgresAddressBook addressBook) {
        return new PeerActivityRecorder(connections, limits, addressBook,
                command -> Thread.ofVirtual().name("numi-peer-height-writer").start(command));
    }

    @Bean
    ConnectionManager connectionManager(PeersProperties p, BanList bans, Clock clock, MeterRegistry meters) {
        Gauge.builder("numi.p2p.bans.active", bans, BanList::size).description("Peers banned now").register(meters);
        Gauge.builder("numi.p2p.bans.addresses", bans, BanList::addressBanCount).description("Addresses banned now").register(meters);
        ConnectionManager manager = new ConnectionManager(new ConnectionLimits(p.maxOutbound(), p.maxInbound(), p.maxOutboundPerGroup(),
                p.maxInboundPerIp(), p.maxInboundPerSubnet()), bans,
                new EvictionPolicy(new EvictionPolicy.Settings(p.evictProtectByPing(), p.evictProtectByBlocks())),
                new ExemptAddresses(p.exemptLoopback(), p.allowList()), clock);
        for (Direction direction : Direction.values()) {
            Gauge.builder("numi.p2p.connections", manager, m -> m.count(direction))
                    .tag("direction", direction.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Open connections counted by the connection manager").register(meters);
        }
        return manager;
    }

    @Bean
    PeerObservationPublisher peerObservationPublisher(EventOutbox outbox, Clock clock, PeersProperties properties) {
        return new PeerObservationPublisher(outbox, clock, properties.observationInterval());
    }
}
