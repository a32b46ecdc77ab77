package io.numicoin.explorer.config;

import io.numicoin.explorer.stats.ChainSeries;
import io.numicoin.explorer.stats.DifficultyStats;
import io.numicoin.explorer.stats.FeeEstimates;
import io.numicoin.explorer.stats.MempoolStats;
import io.numicoin.explorer.stats.SupplyStats;
import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The network's figures ({@code io.numicoin.explorer.stats}) over the read model, for the REST API and the web UI. */
@Configuration(proxyBeanMethods = false)
public class StatsConfiguration {

    /** A read-only, repeatable-read transaction: figures read with several queries see one state of the read model. */
    static TransactionTemplate snapshot(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        template.setReadOnly(true);
        return template;
    }

    @Bean
    MempoolStats mempoolStats(JdbcTemplate jdbc, AddressHrp hrp, ExplorerProperties properties) {
        ExplorerProperties.Stats stats = properties.stats();
        return new MempoolStats(jdbc, hrp, stats.projectedBlocks(), stats.projectionLimit(), stats.mempoolCacheTtl());
    }

    @Bean
    FeeEstimates feeEstimates(MempoolStats mempool, JdbcTemplate jdbc, ExplorerProperties properties) {
        return new FeeEstimates(mempool, jdbc, properties.stats().minFeeRate());
    }

    @Bean
    DifficultyStats difficultyStats(PostgresExplorerStore store, PlatformTransactionManager transactions,
            NetworkParams params) {
        return new DifficultyStats(store, snapshot(transactions), params.difficulty());
    }

    @Bean
    SupplyStats supplyStats(NetworkParams params) {
        return new SupplyStats(params.subsidy(), params.difficulty().targetSpacingSeconds());
    }

    @Bean
    ChainSeries chainSeries(JdbcTemplate jdbc, PlatformTransactionManager transactions, NetworkParams params) {
        return new ChainSeries(jdbc, snapshot(transactions), params.difficulty());
    }
}
