package io.numicoin.node.query;

import io.numicoin.node.storage.BlockFiles;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The read side: its own bounded threads, the retry policy, and the query classes over a
 * {@link JdbcClient} whose statements the server cancels after {@code numi.query.timeout}.
 */
@Configuration(proxyBeanMethods = false)
public class QueryConfig {

    /** Reads on their own bounded threads (not a Scheduler bean: nothing else should pick it up). */
    @Bean(destroyMethod = "dispose")
    public BlockingReads blockingReads(QueryProperties properties) {
        Scheduler scheduler = Schedulers.newBoundedElastic(properties.threads(), 10_000, "numi-db-read", 60, true);
        return new BlockingReads(scheduler, properties);
    }

    @Bean
    public ChainQueries chainQueries(DataSource dataSource, QueryProperties properties, BlockFiles blockFiles) {
        return new ChainQueries(readClient(dataSource, properties), blockFiles);
    }

    @Bean
    public TransactionQueries transactionQueries(DataSource dataSource, QueryProperties properties, BlockFiles blockFiles) {
        return new TransactionQueries(readClient(dataSource, properties), blockFiles);
    }

    @Bean
    public AccountQueries accountQueries(DataSource dataSource, QueryProperties properties) {
        return new AccountQueries(readClient(dataSource, properties));
    }

    @Bean
    public PeerQueries peerQueries(DataSource dataSource, QueryProperties properties) {
        return new PeerQueries(readClient(dataSource, properties));
    }

    private static JdbcClient readClient(DataSource dataSource, QueryProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout((int) Math.max(1, properties.timeout().toSeconds()));
        return JdbcClient.create(template);
    }
}
