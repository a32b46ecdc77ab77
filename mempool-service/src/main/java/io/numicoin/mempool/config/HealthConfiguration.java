package io.numicoin.mempool.config;

import io.numicoin.support.health.KafkaHealthIndicator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@code kafka} health indicator: the pool follows the chain and the transactions through Kafka,
 * so it is not ready while no broker answers (readiness group in application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${numi.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, "numi-mempool-health");
    }
}
