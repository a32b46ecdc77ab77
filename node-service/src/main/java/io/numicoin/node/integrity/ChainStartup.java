package io.numicoin.node.integrity;

import io.numicoin.node.chain.NodeChainService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node does before it serves: the integrity check, then either the chain service starts
 * or it refuses every call with the check's message (and readiness fails, {@link ChainIntegrityHealthIndicator}).
 * Runs while the application context starts, before the web server opens its port.
 */
public final class ChainStartup {

    private static final Logger log = LoggerFactory.getLogger(ChainStartup.class);

    private final StartupIntegrityCheck check;
    private final NodeChainService chain;
    private volatile IntegrityReport report;
    private volatile String failure;

    public ChainStartup(StartupIntegrityCheck check, NodeChainService chain) {
        this.check = check;
        this.chain = chain;
    }

    public void run() {
        try {
            report = check.run();
        } catch (RuntimeException e) {
            fail("the startup integrity check could not run: " + e.getMessage() + "; if the database is damaged, run `"
                    + IntegrityReport.REINDEX_COMMAND + "`", e);
            return;
        }
        if (!report.passed()) {
            fail(report.message(), null);
            return;
        }
        log.info("{} in {} ms", report.message(), report.took().toMillis());
        if (!report.redownload().isEmpty()) {
            log.warn("blocks marked for re-download: {}", report.redownload());
        }
        try {
            chain.start();
        } catch (RuntimeException e) {
            fail("the chain could not be loaded: " + e.getMessage() + "; run `" + IntegrityReport.REINDEX_COMMAND + "`", e);
        }
    }

    /** Why the node does not serve, or empty when it does. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<IntegrityReport> report() {
        return Optional.ofNullable(report);
    }

    private void fail(String message, Throwable cause) {
        failure = message;
        chain.refuse(message);
        if (cause != null) {
            log.error(message, cause);
        } else {
            log.error(message);
        }
    }
}
