package io.numicoin.gateway.key;

import io.numicoin.support.retry.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that {@code LISTEN}s on {@link ApiKeyStore#CHANNEL} and evicts each changed
 * key from the verifier. {@link #listening()} is true only while that connection is up; on
 * (re)connecting the whole cache is dropped, since notifications sent meanwhile are lost.
 */
public final class RevocationListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final DataSource dataSource;
    private volatile ApiKeyVerifier verifier;
    private volatile boolean listening;
    private volatile boolean closed;
    private final Thread thread;

    public RevocationListener(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = Thread.ofPlatform().daemon().name("numi-gateway-key-listener").unstarted(this::run);
    }

    /** Starts listening on behalf of {@code verifier}. */
    public void start(ApiKeyVerifier target) {
        this.verifier = target;
        thread.start();
    }

    public boolean listening() {
        return listening;
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        while (!closed) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + ApiKeyStore.CHANNEL);
                verifier.clear();
                listening = true;
                backoff.succeeded();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            verifier.evict(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                verifier.clear();
                if (!closed) {
                    log.warn("API key revocation listener lost its connection ({}); keys are read from the database until it is back", e.toString());
                }
            }
            listening = false;
            if (!closed) {
                sleep(backoff.failed());
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(2000);
    }
}
