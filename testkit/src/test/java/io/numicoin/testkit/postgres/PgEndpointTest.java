package io.numicoin.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgEndpointTest {

    @Test
    void urlForSwapsTheDatabaseAndKeepsParameters() {
        assertThat(new PgEndpoint("jdbc:postgresql://127.0.0.1:5432/postgres", "u", "").urlFor("numitest_a"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/numitest_a");
        assertThat(new PgEndpoint("jdbc:postgresql://db.local:6543/admin?sslmode=disable", "u", "").urlFor("x"))
                .isEqualTo("jdbc:postgresql://db.local:6543/x?sslmode=disable");
        assertThat(new PgEndpoint("jdbc:postgresql://localhost", "u", "").urlFor("x"))
                .isEqualTo("jdbc:postgresql://localhost/x");
    }

    @Test
    void rejectsNonPostgresUrls() {
        assertThatThrownBy(() -> new PgEndpoint("jdbc:mysql://localhost/x", "u", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }
}
