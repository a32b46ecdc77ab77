package io.numicoin.node.api.metrics;

import io.numicoin.node.chain.ChainService;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's chain gauges (Prometheus at {@code /actuator/prometheus} on the management port). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfig {

    @Bean
    public ChainMetrics chainMetrics(ChainService chain, ObjectProvider<Clock> clock) {
        return new ChainMetrics(chain, clock.getIfAvailable(Clock::systemUTC));
    }
}
