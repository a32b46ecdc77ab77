package io.numicoin.explorer.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.explorer.index.ChainBootstrap;
import io.numicoin.explorer.index.ChainIndexer;
import io.numicoin.explorer.index.ChainLagHealth;
import io.numicoin.support.health.KafkaHealthIndicator;
import io.numicoin.support.node.NodeApiException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health and the lag: the {@code kafka} indicator; {@code chainLag} (readiness): UP while the read
 * model is at most {@code numi.index.max-ready-lag} blocks behind the node, OUT_OF_SERVICE while it
 * catches up (the API keeps answering from what it has); the gauge {@code explorer.chain.lag.blocks}
 * (-1 while unknown), with the node's tip polled every {@code numi.index.lag-poll}; the counter
 * {@code explorer.index.resyncs}.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${numi.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, "numi-explorer-health");
    }

    @Bean
    HealthIndicator chainLagHealthIndicator(ChainIndexer indexer, ChainBootstrap bootstrap, ExplorerProperties properties) {
        return new ChainLagHealth(indexer, bootstrap::backfilled, properties.index().maxReadyLag());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService lagPoller(ChainIndexer indexer, ExplorerProperties properties, MeterRegistry meters) {
        Gauge.builder("explorer.chain.lag.blocks", indexer, ChainIndexer::lag)
                .description("blocks the read model is behind the node's tip (-1 while unknown)").register(meters);
        Gauge.builder("explorer.chain.height", indexer, ChainIndexer::height)
                .description("the read model's tip height").register(meters);
        FunctionCounter.builder("explorer.index.resyncs", indexer, ChainIndexer::resyncs)
                .description("resyncs from the node's API (the initial backfill included)").register(meters);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("explorer-lag-poll").factory());
        long period = properties.index().lagPoll().toMillis();
        poller.scheduleWithFixedDelay(() -> {
            try {
                indexer.refreshNodeHeight();
            } catch (NodeApiException e) {
                // the last known node height stands; the lag is as good as the last answer
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        return poller;
    }
}
