package io.numicoin.testkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL server for tests, handing out a fresh, empty database to each test (or test
 * class) so tests never see each other's rows, even when several test JVMs share one server.
 *
 * <p>{@link #shared()} uses, in order: the server named by {@code NUMI_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code NUMI_TEST_PG_USER}, default
 * {@code postgres}, password {@code NUMI_TEST_PG_PASSWORD}) if it answers; otherwise an embedded
 * PostgreSQL started once per JVM. {@code NUMI_TEST_PG_MODE=server|embedded} forces one; see
 * {@link PgSettings} for the system-property forms.
 *
 * <pre>{@code
 * try (TestDatabase db = TestPostgres.shared().createDatabase("blockstore")) {
 *     Flyway.configure().dataSource(db.dataSource()).load().migrate();
 *     ...
 * }
 * }</pre>
 *
 * <p>Databases are created from {@code template0} with UTF-8 encoding and the {@code C} collation
 * (byte order, the same on every machine). Those not dropped by the test are dropped when the JVM
 * exits; ones more than a day old left by a crashed JVM are dropped the first time a JVM uses
 * the server.
 */
public final class TestPostgres {

    /** Where the databases live. */
    public enum Kind { SERVER, EMBEDDED }

    private static final Duration STALE_AFTER = Duration.ofDays(1);
    private static final String CONNECTION_FAILURE = "08001";

    private static TestPostgres shared;
    private static TestPostgres embedded;

    private final Kind kind;
    private final PgEndpoint endpoint;
    private final DatabaseNames names = new DatabaseNames();
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    private TestPostgres(Kind kind, PgEndpoint endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
        sweepStale();
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropLeftovers, "numi-test-postgres-cleanup"));
    }

    /**
     * The PostgreSQL this JVM's tests use, chosen on first call as described above.
     *
     * @throws IllegalStateException when no server answers and the embedded one cannot start,
     *     or the configured server refuses the login
     */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = choose(PgSettings.fromEnvironment());
        }
        return shared;
    }

    /** The embedded PostgreSQL, whatever the settings say (started on first call). */
    public static synchronized TestPostgres embedded() {
        if (embedded == null) {
            embedded = new TestPostgres(Kind.EMBEDDED, EmbeddedPostgresServer.endpoint());
        }
        return embedded;
    }

    /**
     * Creates a new empty database whose name starts with {@code numitest_<namePrefix>_}; close
     * (or {@link TestDatabase#drop() drop}) it when the test is done.
     */
    public TestDatabase createDatabase(String namePrefix) {
        String name = names.next(namePrefix.isBlank() ? "db" : namePrefix, Instant.now());
        executeAdmin("CREATE DATABASE " + quote(name) + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        live.add(name);
        return new TestDatabase(name, endpoint.urlFor(name), endpoint.user(), endpoint.password(), this);
    }

    /** Whether the databases are on a running server or the embedded one. */
    public Kind kind() {
        return kind;
    }

    /** Human-readable: which server, at which URL. */
    public String description() {
        return (kind == Kind.SERVER ? "PostgreSQL server at " : "embedded PostgreSQL at ") + endpoint;
    }

    @Override
    public String toString() {
        return description();
    }

    void drop(String name) {
        executeAdmin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        live.remove(name);
    }

    /** Picks the server or the embedded PostgreSQL per {@code settings}; see {@link #shared()}. */
    static TestPostgres choose(PgSettings settings) {
        if (settings.mode() == PgSettings.Mode.EMBEDDED) {
            return embedded();
        }
        SQLException serverFailure;
        try (Connection ignored = settings.server().connectAdmin()) {
            return new TestPostgres(Kind.SERVER, settings.server());
        } catch (SQLException e) {
            serverFailure = e;
        }
        boolean unreachable = CONNECTION_FAILURE.equals(serverFailure.getSQLState());
        if (!unreachable) {
            throw new IllegalStateException("PostgreSQL for tests: the server at " + settings.server()
                    + " answered but refused us (" + serverFailure.getMessage() + "). Fix NUMI_TEST_PG_URL, "
                    + "NUMI_TEST_PG_USER, NUMI_TEST_PG_PASSWORD, or set NUMI_TEST_PG_MODE=embedded.", serverFailure);
        }
        if (settings.mode() == PgSettings.Mode.SERVER) {
            throw new IllegalStateException("PostgreSQL for tests: no server answers at " + settings.server()
                    + " (" + serverFailure.getMessage() + ") and NUMI_TEST_PG_MODE=server forbids the embedded one. "
                    + "Start the server or point NUMI_TEST_PG_URL at one.", serverFailure);
        }
        try {
            return embedded();
        } catch (RuntimeException embeddedFailure) {
            IllegalStateException e = new IllegalStateException("No PostgreSQL for tests: no server answers at "
                    + settings.server() + " (" + serverFailure.getMessage() + ") and the embedded PostgreSQL "
                    + "failed to start (" + embeddedFailure.getMessage() + "). Start a server, point NUMI_TEST_PG_URL "
                    + "(and NUMI_TEST_PG_USER / NUMI_TEST_PG_PASSWORD) at one, or see the cause below.", embeddedFailure);
            e.addSuppressed(serverFailure);
            throw e;
        }
    }

    private void executeAdmin(String sql) {
        try (Connection c = endpoint.connectAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + endpoint + " failed: " + sql, e);
        }
    }

    private void sweepStale() {
        List<String> stale = new ArrayList<>();
        Instant now = Instant.now();
        try (Connection c = endpoint.connectAdmin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'numitest\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (DatabaseNames.isStale(name, now, STALE_AFTER)) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + endpoint + " could not list databases", e);
        }
        stale.forEach(this::drop);
    }

    private void dropLeftovers() {
        for (String name : List.copyOf(live)) {
            try {
                drop(name);
            } catch (RuntimeException e) {
                // The JVM is exiting; the next run's sweep drops what is left.
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
