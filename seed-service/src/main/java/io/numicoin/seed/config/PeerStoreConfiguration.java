package io.numicoin.seed.config;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.peers.PeerScoring;
import io.numicoin.seed.peers.PostgresPeerStore;
import io.numicoin.seed.peers.ScoringSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The network, the clock, the scoring rules and the PostgreSQL peer store (schema {@code seed}). */
@Configuration(proxyBeanMethods = false)
public class PeerStoreConfiguration {

    @Bean
    NetworkParams networkParams(SeedProperties properties) {
        return NetworkParams.of(properties.network());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PeerScoring peerScoring(SeedProperties properties) {
        SeedProperties.Peers p = properties.seed().peers();
        return new PeerScoring(new ScoringSettings(statusProtocol(properties), p.minHeight(), p.allowNonPublic(),
                p.goodInterval(), p.retryInterval(), p.maxRetryInterval(), p.banBase(), p.banMax()));
    }

    @Bean
    PostgresPeerStore peerStore(JdbcTemplate jdbc, TransactionTemplate tx, PeerScoring scoring, SeedProperties properties) {
        SeedProperties.Peers p = properties.seed().peers();
        return new PostgresPeerStore(jdbc, tx, scoring, p.maxPeers(), p.forgetAfterFailures());
    }

    /** The status protocol a good peer announces: a peer without it does not speak this network. */
    static String statusProtocol(SeedProperties properties) {
        return NetworkProtocols.of(properties.network(), Duration.ofSeconds(1)).status().id().toString();
    }
}
