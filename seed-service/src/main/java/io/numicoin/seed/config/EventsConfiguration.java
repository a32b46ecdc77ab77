package io.numicoin.seed.config;

import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.crawl.PeerObservationListener;
import io.numicoin.seed.peers.PeerStore;
import io.numicoin.support.health.KafkaHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** {@code numi.peers.v1} as a source of addresses, and the {@code kafka} health; off with {@code numi.events.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "numi.events.enabled", matchIfMissing = true)
public class EventsConfiguration {

    @Bean
    PeerObservationListener peerObservationListener(PeerStore store, NetworkParams params, Clock clock) {
        return new PeerObservationListener(store, params.chainId(), clock);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, @Value("${numi.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, "numi-seed-health");
    }
}
