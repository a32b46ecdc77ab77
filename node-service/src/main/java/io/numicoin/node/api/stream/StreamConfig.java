package io.numicoin.node.api.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process event bus, fed after each commit by the decorated chain event sink and the API. */
@Configuration(proxyBeanMethods = false)
public class StreamConfig {

    @Bean
    public ChainEventBus chainEventBus(StreamProperties properties, MeterRegistry meters) {
        return new ChainEventBus(properties.buffer(), meters);
    }

    /** Static: a post-processor is created before the other beans; it looks the bus up when it first wraps. */
    @Bean
    public static ChainEventSinkDecorator chainEventSinkDecorator(ObjectProvider<ChainEventBus> bus) {
        return new ChainEventSinkDecorator(bus);
    }
}
