package io.numicoin.gateway.config;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.gateway.backend.BackendHealthPoller;
import io.numicoin.gateway.backend.BackendInstance;
import io.numicoin.gateway.backend.BackendPool;
import io.numicoin.gateway.route.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The backends: one pool per backend, each instance with its own Resilience4j guards, polled for health. */
@Configuration(proxyBeanMethods = false)
public class BackendConfiguration {

    /** The three pools, in a fixed order: node, mempool, explorer. */
    public record Pools(BackendPool node, BackendPool mempool, BackendPool explorer) {
        public List<BackendPool> all() {
            return List.of(node, mempool, explorer);
        }
    }

    @Bean
    CircuitBreakerRegistry circuitBreakers(NumiGatewayProperties properties, MeterRegistry meters) {
        NumiGatewayProperties.Resilience r = properties.resilience();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(r.window()).minimumNumberOfCalls(Math.min(r.window(), 5))
                .failureRateThreshold(r.failureRatePercent()).waitDurationInOpenState(r.openFor())
                .permittedNumberOfCallsInHalfOpenState(2).automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    BulkheadRegistry bulkheads(NumiGatewayProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.resilience().maxConcurrent()).maxWaitDuration(Duration.ZERO).build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    TimeLimiterRegistry timeLimiters() {
        return TimeLimiterRegistry.ofDefaults();
    }

    @Bean
    Pools backendPools(NumiGatewayProperties properties, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
            TimeLimiterRegistry limiters) {
        NumiGatewayProperties.Backends b = properties.backends();
        long lag = properties.health().maxTipLag();
        return new Pools(
                pool(Backend.NODE, b.node(), true, lag, properties.resilience().timeout(), breakers, bulkheads, limiters),
                pool(Backend.MEMPOOL, b.mempool(), false, lag, properties.resilience().submitTimeout(), breakers, bulkheads, limiters),
                pool(Backend.EXPLORER, b.explorer(), false, lag, properties.resilience().timeout(), breakers, bulkheads, limiters));
    }

    private static BackendPool pool(Backend backend, NumiGatewayProperties.BackendSettings settings, boolean tracksTip,
            long maxTipLag, Duration timeout, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, TimeLimiterRegistry limiters) {
        List<BackendInstance> instances = new ArrayList<>();
        for (int i = 0; i < settings.urls().size(); i++) {
            String name = backend.name().toLowerCase(Locale.ROOT) + "-" + (i + 1);
            instances.add(new BackendInstance(name, settings.urls().get(i), breakers.circuitBreaker(name),
                    limiters.timeLimiter(name, TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build()),
                    bulkheads.bulkhead(name)));
        }
        return new BackendPool(backend, instances, tracksTip, maxTipLag, settings.required());
    }

    @Bean
    WebClient backendWebClient() {
        return WebClient.builder().build();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    BackendHealthPoller backendHealthPoller(Pools pools, NumiGatewayProperties properties, WebClient backendWebClient) {
        NumiGatewayProperties.Backends b = properties.backends();
        Map<BackendPool, String> paths = new LinkedHashMap<>();
        paths.put(pools.node(), b.node().healthPath());
        paths.put(pools.mempool(), b.mempool().healthPath());
        paths.put(pools.explorer(), b.explorer().healthPath());
        return new BackendHealthPoller(paths, backendWebClient, properties.health().interval(), properties.health().timeout(),
                properties.health().failuresToLeave());
    }
}
