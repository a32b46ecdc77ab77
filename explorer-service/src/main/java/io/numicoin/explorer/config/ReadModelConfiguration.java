package io.numicoin.explorer.config;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.index.ChainBootstrap;
import io.numicoin.explorer.index.ChainIndexer;
import io.numicoin.explorer.kafka.ChainEventListener;
import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.explorer.store.PostgresMempoolStore;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.support.node.NodeApiClient;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/** The read model: its stores, the node client, the indexer and the bootstrap that backfills and starts the chain consumer. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    NetworkParams networkParams(ExplorerProperties properties) {
        return NetworkParams.of(properties.network());
    }

    @Bean
    AddressHrp addressHrp(NetworkParams params) {
        return params.hrp();
    }

    @Bean
    PostgresExplorerStore explorerStore(JdbcTemplate jdbc, TransactionTemplate tx, ExplorerProperties properties) {
        return new PostgresExplorerStore(jdbc, tx, properties.index().eventLogRetention());
    }

    @Bean
    PostgresMempoolStore mempoolStore(JdbcTemplate jdbc) {
        return new PostgresMempoolStore(jdbc);
    }

    @Bean
    ExplorerQueries explorerQueries(JdbcTemplate jdbc, AddressHrp hrp) {
        return new ExplorerQueries(jdbc, hrp);
    }

    @Bean
    NodeApiClient nodeClient(ExplorerProperties properties) {
        return new NodeApiClient(URI.create(properties.node().baseUrl()), properties.node().timeout());
    }

    @Bean
    ChainIndexer chainIndexer(PostgresExplorerStore store, NodeApiClient node, NetworkParams params) {
        return new ChainIndexer(store, node, params.chainId(), Clock.systemUTC());
    }

    @Bean
    ChainBootstrap chainBootstrap(PostgresExplorerStore store, ChainIndexer indexer, KafkaListenerEndpointRegistry registry,
            ExplorerProperties properties) {
        return new ChainBootstrap(store, indexer,
                () -> Objects.requireNonNull(registry.getListenerContainer(ChainEventListener.ID)).start(),
                properties.index().maxBackoff());
    }

    /** Backfills (if empty) and then follows the chain, once the application serves. */
    @Bean
    BootstrapStarter bootstrapStarter(ChainBootstrap bootstrap) {
        return new BootstrapStarter(bootstrap);
    }

    static final class BootstrapStarter {
        private final ChainBootstrap bootstrap;

        BootstrapStarter(ChainBootstrap bootstrap) {
            this.bootstrap = bootstrap;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            bootstrap.start();
        }
    }
}
