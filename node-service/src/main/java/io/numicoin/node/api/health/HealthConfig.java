package io.numicoin.node.api.health;

import io.numicoin.support.health.KafkaHealthIndicator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health indicators the node adds to Spring Boot's: {@code kafka}. The readiness group
 * ({@code management.endpoint.health.group.readiness}) includes it with {@code db}.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfig {

    @Bean
    public KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${numi.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, "numi-node-health");
    }
}
