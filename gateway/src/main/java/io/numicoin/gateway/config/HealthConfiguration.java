package io.numicoin.gateway.config;

import io.numicoin.gateway.backend.BackendInstance;
import io.numicoin.gateway.backend.BackendPool;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readiness reflects the backends ({@code backends} in the readiness group): DOWN while a required
 * backend (the nodes, the mempool) has no instance in rotation; details per instance.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    HealthIndicator backends(BackendConfiguration.Pools pools) {
        return () -> {
            boolean up = true;
            Map<String, Object> details = new LinkedHashMap<>();
            for (BackendPool pool : pools.all()) {
                boolean any = !pool.eligible().isEmpty();
                up &= any || !pool.required();
                Map<String, Object> instances = new LinkedHashMap<>();
                for (BackendInstance i : pool.instances()) {
                    instances.put(i.name(), Map.of("up", i.health().up(), "height", i.health().height(),
                            "inRotation", pool.eligible().contains(i), "circuit", i.breaker().getState().name()));
                }
                details.put(pool.backend().name().toLowerCase(Locale.ROOT), Map.of("available", any, "instances", instances));
            }
            return (up ? Health.up() : Health.down()).withDetails(details).build();
        };
    }
}
