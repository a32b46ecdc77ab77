package io.numicoin.node.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.chain.ChainStatus;
import java.time.Clock;

/**
 * Gauges read from {@link ChainService#status()} when scraped: {@code numi.chain.height} and
 * {@code numi.chain.tip.age} (seconds since the tip's timestamp; alert when it grows). NaN while
 * the chain service cannot answer. Counters of connected blocks and reorgs live on the
 * {@code ChainEventBus}; import time in {@code numi.block.import}.
 */
public final class ChainMetrics implements MeterBinder {

    private final ChainService chain;
    private final Clock clock;

    public ChainMetrics(ChainService chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("numi.chain.height", this, ChainMetrics::height)
                .description("Height of the active chain's tip").register(registry);
        Gauge.builder("numi.chain.tip.age", this, ChainMetrics::tipAgeSeconds)
                .description("Seconds since the tip's timestamp").baseUnit("seconds").register(registry);
    }

    private double height() {
        ChainStatus status = status();
        return status == null ? Double.NaN : status.height();
    }

    private double tipAgeSeconds() {
        ChainStatus status = status();
        return status == null ? Double.NaN : clock.instant().getEpochSecond() - status.tipTimestamp();
    }

    private ChainStatus status() {
        try {
            return chain.status();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
