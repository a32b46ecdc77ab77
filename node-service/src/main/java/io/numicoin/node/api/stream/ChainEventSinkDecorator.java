package io.numicoin.node.api.stream;

import io.numicoin.node.storage.ChainEventSink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Feeds the live stream without touching the chain wiring: wraps the node's {@link ChainEventSink}
 * bean (the outbox events, or none on a node that does not publish) in an {@link AfterCommitBusSink}.
 * Whatever takes the sink (the chain service, the reindexer) then also tells the {@link ChainEventBus}.
 */
public final class ChainEventSinkDecorator implements BeanPostProcessor {

    private final ObjectProvider<ChainEventBus> bus;

    public ChainEventSinkDecorator(ObjectProvider<ChainEventBus> bus) {
        this.bus = bus;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ChainEventSink sink && !(bean instanceof AfterCommitBusSink)) {
            return new AfterCommitBusSink(sink, bus.getObject());
        }
        return bean;
    }
}
