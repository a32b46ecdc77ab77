package io.numicoin.mempool.config;

import io.numicoin.mempool.kafka.ChainEventListener;
import io.numicoin.mempool.kafka.TransactionSeenListener;
import io.numicoin.mempool.service.ChainFollower;
import io.numicoin.mempool.service.PoolService;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka listeners ({@code numi.tx.v1}, {@code numi.chain.v1}); serializers and limits are in application.yml. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    TransactionSeenListener transactionSeenListener(PoolService service, NetworkParams params) {
        return new TransactionSeenListener(service, params.chainId());
    }

    @Bean
    ChainEventListener chainEventListener(ChainFollower follower) {
        return new ChainEventListener(follower);
    }
}
