package io.numicoin.seed.peers;

import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh database with the seed's schema migrated, and a store on it. */
public final class SeedDatabase implements AutoCloseable {

    private final TestDatabase db;

    public SeedDatabase(String prefix) {
        db = TestPostgres.shared().createDatabase(prefix);
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/seed").schemas("seed").defaultSchema("seed").load()
                .migrate();
    }

    public PostgresPeerStore store(PeerScoring scoring, int maxPeers, int forgetAfterFailures) {
        return new PostgresPeerStore(new JdbcTemplate(db.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), scoring, maxPeers, forgetAfterFailures);
    }

    @Override
    public void close() {
        db.close();
    }
}
