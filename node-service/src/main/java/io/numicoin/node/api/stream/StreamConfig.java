package io.numicoin.node.api.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process event bus, fed after each commit by the chain event sink (ChainConfiguration) and the API. */
@Configuration(proxyBeanMethods = false)
public class StreamConfig {

    @Bean
    public ChainEventBus chainEventBus(StreamProperties properties, MeterRegistry meters) {
        return new ChainEventBus(properties.buffer(), meters);
    }
}
