package io.numicoin.node.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --numi.command=reindex}: runs the {@link Reindexer} once; the application then exits. */
public final class ReindexCommand {

    private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

    private final Reindexer reindexer;

    public ReindexCommand(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /** @return the process exit code: 0 done (possibly with a shorter chain), 1 failed */
    public int run() {
        try {
            Reindexer.Report report = reindexer.run();
            log.info("reindex finished in {} s: tip {} at height {} (was {} at height {}){}", report.took().toSeconds(),
                    report.newTip(), report.newHeight(), report.oldTip(), report.oldHeight(),
                    report.stoppedBecause().map(r -> "; stopped early: " + r).orElse(""));
            return 0;
        } catch (RuntimeException e) {
            log.error("reindex failed: {}", e.getMessage(), e);
            return 1;
        }
    }
}
