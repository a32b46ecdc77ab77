package io.numicoin.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Runs against whatever {@link TestPostgres#shared()} picks: the local server here and in CI. */
class SharedPostgresIT {

    @Test
    void twoDatabasesAreIsolatedAndDropRemovesThem() throws SQLException {
        TestPostgres postgres = TestPostgres.shared();
        System.out.println("SharedPostgresIT uses " + postgres.description());

        TestDatabase first = postgres.createDatabase("isolation");
        TestDatabase second = postgres.createDatabase("isolation");
        try {
            assertThat(first.name()).isNotEqualTo(second.name()).startsWith("numitest_isolation_");
            assertThat(first.jdbcUrl()).endsWith("/" + first.name());

            for (TestDatabase db : List.of(first, second)) {
                execute(db.dataSource(), "CREATE TABLE block (height BIGINT PRIMARY KEY, label TEXT NOT NULL)");
            }
            insert(first.dataSource(), 1, "first-1");
            insert(first.dataSource(), 2, "first-2");
            insert(second.dataSource(), 1, "second-1");

            assertThat(labels(first.dataSource())).containsExactly("first-1", "first-2");
            assertThat(labels(second.dataSource())).containsExactly("second-1");
            assertThat(currentDatabase(first.dataSource())).isEqualTo(first.name());
            assertThat(currentDatabase(second.dataSource())).isEqualTo(second.name());

            try (Connection open = first.dataSource().getConnection()) {
                first.drop(); // WITH (FORCE) ends the open connection instead of failing
                assertThat(open.isValid(2)).isFalse();
            }
            assertThat(databaseExists(second.dataSource(), first.name())).isFalse();
            assertThat(databaseExists(second.dataSource(), second.name())).isTrue();
            assertThatThrownBy(() -> first.dataSource().getConnection().close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(first.name());
        } finally {
            first.close();
            second.close();
        }
        first.drop(); // dropping twice is harmless
    }

    @Test
    void sharedIsOneInstancePerJvm() {
        assertThat(TestPostgres.shared()).isSameAs(TestPostgres.shared());
    }

    static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void insert(DataSource ds, long height, String label) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO block (height, label) VALUES (?, ?)")) {
            ps.setLong(1, height);
            ps.setString(2, label);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    static List<String> labels(DataSource ds) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT label FROM block ORDER BY height")) {
            while (rs.next()) {
                labels.add(rs.getString(1));
            }
        }
        return labels;
    }

    static String currentDatabase(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean databaseExists(DataSource ds, String name) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
