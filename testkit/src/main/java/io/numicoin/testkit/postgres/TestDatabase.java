package io.numicoin.testkit.postgres;

import java.util.List;
import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh PostgreSQL database made by {@link TestPostgres#createDatabase(String)}: its JDBC
 * URL and login (for Spring's {@code spring.datasource.*} or Flyway) and a plain unpooled
 * {@link DataSource}. {@link #close()} drops it, ending any connection still open to it.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final TestPostgres owner;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private boolean dropped;

    TestDatabase(String name, String jdbcUrl, String user, String password, TestPostgres owner) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.owner = owner;
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
    }

    /** The database name ({@code numitest_<prefix>_...}). */
    public String name() {
        return name;
    }

    /** {@code jdbc:postgresql://host:port/<name>}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** The password; empty with trust authentication. */
    public String password() {
        return password;
    }

    /** A new connection per {@code getConnection()}; no pool. */
    /** Spring Boot's settings for this database as command-line arguments: {@code --spring.datasource.url}, username, password. */
    public List<String> springArgs() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Drops the database (closing open connections to it); does nothing the second time. */
    public synchronized void drop() {
        if (!dropped) {
            owner.drop(name);
            dropped = true;
        }
    }

    /** Same as {@link #drop()}. */
    @Override
    public void close() {
        drop();
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
