package io.numicoin.node.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The read side: a bounded scheduler for blocking reads, the retry policy and the query classes. */
@Configuration(proxyBeanMethods = false)
public class QueryConfig {

    /** Reads on their own bounded threads (not a Scheduler bean: nothing else should pick it up). */
    @Bean(destroyMethod = "dispose")
    public BlockingReads blockingReads(QueryProperties properties) {
        Scheduler scheduler = Schedulers.newBoundedElastic(properties.threads(), 10_000, "numi-db-read", 60, true);
        return new BlockingReads(scheduler, properties);
    }

    @Bean
    public ChainQueries chainQueries(JdbcClient jdbc) {
        return new ChainQueries(jdbc);
    }

    @Bean
    public TransactionQueries transactionQueries(JdbcClient jdbc) {
        return new TransactionQueries(jdbc);
    }

    @Bean
    public AccountQueries accountQueries(JdbcClient jdbc) {
        return new AccountQueries(jdbc);
    }

    @Bean
    public PeerQueries peerQueries(JdbcClient jdbc) {
        return new PeerQueries(jdbc);
    }
}
