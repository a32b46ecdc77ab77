package io.numicoin.deploy;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The library binders monitoring/metrics.yml names ({@code binder:}), bound as the modules bind
 * them (the gateway: one registry per kind, an instance in it), so the test sees what they really
 * register.
 */
final class LibraryBinders {

    private LibraryBinders() {
    }

    static void bind(String binder, MeterRegistry registry) {
        switch (binder) {
            case "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics" -> {
                CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
                breakers.circuitBreaker("node-1");
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            }
            case "io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics" -> {
                BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
                bulkheads.bulkhead("node-1");
                TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
            }
            default -> throw new IllegalArgumentException("monitoring/metrics.yml names binder " + binder
                    + ", which deploy's LibraryBinders does not know how to bind");
        }
    }

    /** The catalogue's word for a meter's kind: gauge, counter, timer or summary. */
    static String typeOf(Meter meter) {
        return switch (meter) {
            case TimeGauge g -> "gauge";
            case Gauge g -> "gauge";
            case Counter c -> "counter";
            case FunctionCounter c -> "counter";
            case Timer t -> "timer";
            case FunctionTimer t -> "timer";
            case DistributionSummary d -> "summary";
            default -> meter.getId().getType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
