package io.numicoin.node.relay;

import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.query.AccountQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link TransactionRelay} the API and transaction gossip share. */
@Configuration(proxyBeanMethods = false)
public class RelayConfiguration {

    @Bean
    TransactionRelay transactionRelay(AccountQueries accounts, RelayProperties properties, EventOutbox outbox) {
        return new TransactionRelay(accounts, properties.policy(), outbox);
    }
}
