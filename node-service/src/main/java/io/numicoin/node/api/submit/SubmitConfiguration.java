package io.numicoin.node.api.submit;

import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.config.NodeProperties;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.support.mempool.MempoolSubmitClient;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transaction submit path: the node's checks, the mempool's verdict when configured, the relay. */
@Configuration(proxyBeanMethods = false)
public class SubmitConfiguration {

    @Bean
    public TransactionSubmitter transactionSubmitter(NodeProperties node, MempoolVerdictProperties mempool,
            TransactionRules rules, TransactionRelay relay, ChainEventBus bus,
            @Value("${numi.api.transaction-timeout:10s}") Duration transactionTimeout) {
        Optional<MempoolSubmitClient> client = Optional.ofNullable(mempool.mempoolUrl())
                .map(url -> new MempoolSubmitClient(url, mempool.mempoolTimeout()));
        return new TransactionSubmitter(rules, relay, client, bus, transactionTimeout, node.events().publish());
    }
}
