package io.numicoin.explorer.api;

import io.numicoin.explorer.index.ChainFixtureAccess;
import io.numicoin.explorer.stats.ChainSeries;
import io.numicoin.explorer.stats.DifficultyStats;
import io.numicoin.explorer.stats.FeeEstimates;
import io.numicoin.explorer.stats.MempoolStats;
import io.numicoin.explorer.stats.SupplyStats;
import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.protocol.params.NetworkParams;
import java.time.Duration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The explorer's controllers over a test read model, with its problem+json handler, as a {@link WebTestClient}. */
final class ApiTestClient {

    /** The mempool's default floor. */
    static final long MIN_FEE_RATE = 1_000;
    static final int PROJECTED_BLOCKS = 13;

    private ApiTestClient() {
    }

    static WebTestClient of(ChainFixtureAccess.Model model) {
        NetworkParams params = ChainFixtureAccess.CHAIN.params();
        ExplorerQueries queries = new ExplorerQueries(model.jdbc(), params.hrp());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(model.jdbc().getDataSource());
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        PostgresExplorerStore store = new PostgresExplorerStore(model.jdbc(), new TransactionTemplate(transactions));
        // no caching: each request sees the mempool as the test left it
        MempoolStats mempool = new MempoolStats(model.jdbc(), params.hrp(), PROJECTED_BLOCKS, 100_000, Duration.ZERO);
        StatsController stats = new StatsController(mempool, new FeeEstimates(mempool, model.jdbc(), MIN_FEE_RATE),
                new DifficultyStats(store, snapshot, params.difficulty()),
                new SupplyStats(params.subsidy(), params.difficulty().targetSpacingSeconds()),
                new ChainSeries(model.jdbc(), snapshot, params.difficulty()), queries);
        return WebTestClient.bindToController(new ExplorerController(queries, params.hrp()), stats)
                .apply(new MockServerConfigurer() {
                    @Override
                    public void beforeServerCreated(WebHttpHandlerBuilder builder) {
                        builder.exceptionHandlers(handlers -> handlers.addFirst(new ApiErrorHandler(JsonMapper.builder().build())));
                    }
                }).build();
    }
}
