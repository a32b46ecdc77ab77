package io.numicoin.mempool.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.mempool.pool.AddResult;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.Removal;
import java.util.List;

/**
 * The mempool's meters: {@code numi.mempool.transactions} / {@code .bytes} / {@code .min_fee_rate}
 * (gauges), {@code numi.mempool.offered{outcome, reason}} (every offer: ADDED, REPLACED, DUPLICATE,
 * INVALID with the rule), {@code numi.mempool.removed{reason}} (evictions are {@code reason=EVICTED}).
 */
public final class PoolMetrics {

    private final MeterRegistry registry;

    public PoolMetrics(MeterRegistry registry, Mempool pool) {
        this.registry = registry;
        Gauge.builder("numi.mempool.transactions", pool, Mempool::count).description("pending transactions").register(registry);
        Gauge.builder("numi.mempool.bytes", pool, Mempool::bytes).baseUnit("bytes").register(registry);
        Gauge.builder("numi.mempool.min_fee_rate", pool, Mempool::minFeeRate)
                .description("minimum fee rate to enter, base units per 1000 bytes").register(registry);
    }

    public void offered(AddResult result) {
        Counter.builder("numi.mempool.offered").tag("outcome", result.outcome().name())
                .tag("reason", result.reason() == null ? "none" : result.reason().name())
                .register(registry).increment();
        removed(result.removed());
    }

    public void removed(List<Removal> removals) {
        for (Removal removal : removals) {
            Counter.builder("numi.mempool.removed").tag("reason", removal.reason().name()).register(registry).increment();
        }
    }
}
