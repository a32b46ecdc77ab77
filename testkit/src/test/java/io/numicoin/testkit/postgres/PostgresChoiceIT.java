package io.numicoin.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** How {@link TestPostgres} reacts to a server that is missing or misconfigured. */
class PostgresChoiceIT {

    private static final String NOTHING_LISTENS = "jdbc:postgresql://127.0.0.1:1/postgres";

    @Test
    void serverModeWithoutAServerFailsNamingTheUrlAndTheSetting() {
        PgSettings settings = new PgSettings(new PgEndpoint(NOTHING_LISTENS, "postgres", ""), PgSettings.Mode.SERVER);
        assertThatThrownBy(() -> TestPostgres.choose(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no server answers at " + NOTHING_LISTENS)
                .hasMessageContaining("NUMI_TEST_PG_MODE=server");
    }

    @Test
    void aServerThatRefusesTheLoginIsAnErrorNotAFallback() {
        assumeTrue(TestPostgres.shared().kind() == TestPostgres.Kind.SERVER, "needs the PostgreSQL server");
        String url = PgSettings.fromEnvironment().server().urlFor("numitest_no_such_database");
        PgSettings settings = new PgSettings(new PgEndpoint(url, "postgres", ""), PgSettings.Mode.AUTO);
        assertThatThrownBy(() -> TestPostgres.choose(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered but refused us")
                .hasMessageContaining("numitest_no_such_database");
    }
}
