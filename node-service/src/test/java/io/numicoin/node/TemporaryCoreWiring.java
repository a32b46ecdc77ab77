package io.numicoin.node;

import io.numicoin.node.api.stream.ChainEventBus;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.chain.ChainStatus;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.config.NodeProperties;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import io.numicoin.node.outbox.OutboxWriter;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.events.Topics;
import io.numicoin.node.outbox.JdbcOutboxWriter;
import io.numicoin.node.outbox.OutboxRelay;
import io.numicoin.node.outbox.OutboxSignal;
import io.numicoin.node.outbox.RelaySettings;
import io.numicoin.node.outbox.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

/** TEMPORARY: stands in for wip/nodecore's Spring wiring until it is merged. Delete then. */
@Configuration(proxyBeanMethods = false)
class TemporaryCoreWiring {

    @Bean(destroyMethod = "close")
    NodeChainService nodeChainService(NodeProperties node, JdbcTemplate jdbc, TransactionTemplate transactions) {
        NodeChainService service = new NodeChainService(node.params(), jdbc, transactions, ChainEventSink.NONE,
                Clock.systemUTC(), NodeChainService.Settings.defaults());
        service.start();
        return service;
    }

    @Bean
    @org.springframework.context.annotation.Primary
    ChainService chainService(NodeChainService delegate, ChainEventBus bus) {
        return new ChainService() {
            @Override
            public BlockImportResult submitBlock(Block block) {
                BlockImportResult result = delegate.submitBlock(block);
                bus.afterImport(result);
                return result;
            }

            @Override
            public ChainStatus status() {
                return delegate.status();
            }
        };
    }

    @Bean
    StartupIntegrityCheck startupIntegrityCheck(NodeProperties node, JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new StartupIntegrityCheck(node.params(), jdbc, transactions, new StartupIntegrityCheck.Settings(288, 2, 16),
                Clock.systemUTC());
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, OutboxSignal signal) {
        return new JdbcOutboxWriter(jdbc, signal);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, OutboxSignal signal, KafkaAdmin admin, MeterRegistry meters) {
        Map<String, Object> connection = admin.getConfigurationProperties();
        List<TopicSpec> topics = Topics.all().stream().map(t -> new TopicSpec(t.name(), t.partitions(), Map.of())).toList();
        return new OutboxRelay(jdbc, signal, new RelaySettings(connection, connection, topics, 500, 4_000_000,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                Clock.systemUTC(), meters);
    }
}
