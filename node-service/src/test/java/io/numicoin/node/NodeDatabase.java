package io.numicoin.node;

import io.numicoin.node.storage.StateTables;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated PostgreSQL database for one test class, with the node's JDBC plumbing. */
public final class NodeDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private NodeDatabase(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
    }

    public static NodeDatabase create(String prefix) {
        TestDatabase database = TestPostgres.shared().createDatabase(prefix);
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        return new NodeDatabase(database);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    public TestDatabase database() {
        return database;
    }

    /** Every row of {@code accounts}, sorted. */
    public SortedMap<Address, Account> accounts() {
        SortedMap<Address, Account> accounts = new TreeMap<>();
        transactions.executeWithoutResult(s -> new StateTables(jdbc).forEachElement(element -> {
            if (element instanceof AccountEntry entry) {
                accounts.put(entry.address(), entry.account());
            }
        }));
        return accounts;
    }

    /** Every row of {@code immature_rewards}, by paying height. */
    public SortedMap<Long, ImmatureReward> immatureRewards() {
        SortedMap<Long, ImmatureReward> rewards = new TreeMap<>();
        transactions.executeWithoutResult(s -> new StateTables(jdbc).forEachElement(element -> {
            if (element instanceof ImmatureReward reward) {
                rewards.put(reward.paidAtHeight(), reward);
            }
        }));
        return rewards;
    }

    @Override
    public void close() {
        database.close();
    }
}
