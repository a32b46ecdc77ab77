package io.numicoin.node;

import io.numicoin.node.api.stream.ChainEventBus;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.chain.ChainStatus;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.config.NodeProperties;
import io.numicoin.node.outbox.OutboxWriter;
import io.numicoin.node.storage.ChainEventSink;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    OutboxWriter outboxWriter(JdbcClient jdbc) {
        return (topic, key, payload) -> {
            long seq = jdbc.sql("UPDATE outbox_counter SET next = next + 1 WHERE name = 'outbox' RETURNING next - 1")
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO outbox (seq, topic, record_key, payload) VALUES (?, ?, ?, ?)")
                    .params(seq, topic, key, payload).update();
            return seq;
        };
    }
}
