package io.numicoin.pool.stratum;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** The Stratum server's connection and ban metrics ({@code numi_pool_*}). */
public final class StratumMetrics {

    private final Counter refusedConnections;
    private final Counter lineTooLong;
    private final Counter bans;

    public StratumMetrics(MeterRegistry registry, Supplier<Number> connections) {
        registry.gauge("numi.pool.connections", connections, s -> s.get().doubleValue());
        this.refusedConnections = Counter.builder("numi.pool.connections.refused")
                .description("connections closed on accept: caps or a ban").register(registry);
        this.lineTooLong = Counter.builder("numi.pool.lines.too_long").description("connections closed for an over-long line")
                .register(registry);
        this.bans = Counter.builder("numi.pool.bans").description("workers banned for invalid floods").register(registry);
    }

    void connectionRefused() {
        refusedConnections.increment();
    }

    void lineTooLong() {
        lineTooLong.increment();
    }

    void banned() {
        bans.increment();
    }
}
