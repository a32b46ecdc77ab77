package io.numicoin.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no-server fallback: an embedded PostgreSQL from the Maven registry. Unpacking and initdb
 * take several seconds, so it runs only when asked: {@code -Dnumi.test.pg.embedded=true}.
 */
class EmbeddedPostgresIT {

    static final String RUN_PROPERTY = "numi.test.pg.embedded";

    @BeforeEach
    void onlyWhenAsked() {
        assumeTrue(Boolean.getBoolean(RUN_PROPERTY),
                "embedded PostgreSQL test skipped: slow (unpacks binaries, runs initdb); run with -D" + RUN_PROPERTY + "=true");
    }

    @Test
    void embeddedServerCreatesIsolatedDatabases() throws SQLException {
        long started = System.nanoTime();
        TestPostgres postgres = TestPostgres.embedded();
        System.out.printf("embedded PostgreSQL ready in %d ms: %s%n",
                (System.nanoTime() - started) / 1_000_000, postgres.description());
        assertThat(postgres.kind()).isEqualTo(TestPostgres.Kind.EMBEDDED);
        assertThat(postgres.description()).doesNotContain(":5432/");

        try (TestDatabase first = postgres.createDatabase("embedded");
             TestDatabase second = postgres.createDatabase("embedded")) {
            for (TestDatabase db : new TestDatabase[] {first, second}) {
                SharedPostgresIT.execute(db.dataSource(), "CREATE TABLE block (height BIGINT PRIMARY KEY, label TEXT NOT NULL)");
            }
            SharedPostgresIT.insert(first.dataSource(), 7, "only-in-first");
            assertThat(SharedPostgresIT.labels(first.dataSource())).containsExactly("only-in-first");
            assertThat(SharedPostgresIT.labels(second.dataSource())).isEmpty();

            try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertThat(rs.getInt(1) / 10_000).isEqualTo(15);
            }
        }
    }

    @Test
    void autoModeFallsBackToEmbeddedWhenNoServerAnswers() {
        PgSettings settings = new PgSettings(
                new PgEndpoint("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", ""), PgSettings.Mode.AUTO);
        assertThat(TestPostgres.choose(settings)).isSameAs(TestPostgres.embedded());
    }
}
