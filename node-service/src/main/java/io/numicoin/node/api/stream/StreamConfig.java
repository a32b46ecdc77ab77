package io.numicoin.node.api.stream;

import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.bus.StreamSequence;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The in-process event bus, fed after each commit by the chain event sink (ChainConfiguration) and
 * the API, numbered by a {@link StreamSequence} stored in the node's database.
 */
@Configuration(proxyBeanMethods = false)
public class StreamConfig {

    @Bean
    public StreamSequence streamSequence(JdbcTemplate jdbc) {
        return StreamSequence.stored(jdbc);
    }

    @Bean
    public ChainEventBus chainEventBus(StreamProperties properties, StreamSequence sequence, MeterRegistry meters) {
        return new ChainEventBus(properties.buffer(), properties.replay(), properties.maxSubscribers(), sequence, meters);
    }
}
