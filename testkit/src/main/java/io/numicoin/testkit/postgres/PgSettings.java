package io.numicoin.testkit.postgres;

import java.util.Locale;
import java.util.Optional;

/**
 * How tests find PostgreSQL, read from system properties first, then environment variables.
 *
 * <table>
 *   <tr><th>system property</th><th>environment</th><th>default</th></tr>
 *   <tr><td>{@code numi.test.pg.url}</td><td>{@code NUMI_TEST_PG_URL}</td>
 *       <td>{@code jdbc:postgresql://127.0.0.1:5432/postgres}</td></tr>
 *   <tr><td>{@code numi.test.pg.user}</td><td>{@code NUMI_TEST_PG_USER}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@code numi.test.pg.password}</td><td>{@code NUMI_TEST_PG_PASSWORD}</td><td>empty</td></tr>
 *   <tr><td>{@code numi.test.pg.mode}</td><td>{@code NUMI_TEST_PG_MODE}</td>
 *       <td>{@code auto}: the server if it answers, else embedded; {@code server}: the server or fail;
 *       {@code embedded}: always the embedded one</td></tr>
 * </table>
 */
record PgSettings(PgEndpoint server, Mode mode) {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** Which PostgreSQL {@link TestPostgres#shared()} uses. */
    enum Mode { AUTO, SERVER, EMBEDDED }

    static PgSettings fromEnvironment() {
        PgEndpoint endpoint = new PgEndpoint(
                read("numi.test.pg.url", "NUMI_TEST_PG_URL").orElse(DEFAULT_URL),
                read("numi.test.pg.user", "NUMI_TEST_PG_USER").orElse("postgres"),
                read("numi.test.pg.password", "NUMI_TEST_PG_PASSWORD").orElse(""));
        String mode = read("numi.test.pg.mode", "NUMI_TEST_PG_MODE").orElse("auto");
        try {
            return new PgSettings(endpoint, Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "NUMI_TEST_PG_MODE / numi.test.pg.mode must be auto, server or embedded, got: " + mode, e);
        }
    }

    private static Optional<String> read(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
