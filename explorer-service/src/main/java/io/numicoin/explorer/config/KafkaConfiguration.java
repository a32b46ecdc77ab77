package io.numicoin.explorer.config;

import io.numicoin.explorer.index.ChainIndexer;
import io.numicoin.explorer.kafka.ChainEventListener;
import io.numicoin.explorer.kafka.MempoolEventListener;
import io.numicoin.explorer.store.PostgresMempoolStore;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka listeners ({@code numi.chain.v1}, {@code numi.mempool.v1}); deserializers and limits are in application.yml. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    ChainEventListener chainEventListener(ChainIndexer indexer) {
        return new ChainEventListener(indexer);
    }

    @Bean
    MempoolEventListener mempoolEventListener(PostgresMempoolStore store, NetworkParams params) {
        return new MempoolEventListener(store, params.chainId());
    }
}
