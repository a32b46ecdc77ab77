package io.numicoin.node.api.admin;

import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.integrity.IntegrityProblem;
import io.numicoin.node.integrity.IntegrityReport;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/integrity-check}: the startup integrity check ({@code numi.integrity.*} level
 * and depth), on demand. It runs under the chain's import lock, so no block is imported meanwhile
 * (imports wait, up to their lock timeout). A failed check has the startup consequence: the chain
 * service refuses calls (503, readiness down) until the operator reindexes and restarts, because
 * the check may have marked corrupt bodies for re-download behind the running service's back.
 */
public final class IntegrityCheckOperation implements AdminOperation {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheckOperation.class);

    private final StartupIntegrityCheck check;
    private final NodeChainService chain;

    public IntegrityCheckOperation(StartupIntegrityCheck check, NodeChainService chain) {
        this.check = check;
        this.chain = chain;
    }

    @Override
    public String name() {
        return "integrity-check";
    }

    @Override
    public String description() {
        return "Runs the startup integrity check now, holding the import lock; a failure stops the chain service";
    }

    @Override
    public Result run() {
        // A chain service that already refuses takes no imports, so the check needs no lock then.
        IntegrityReport report = chain.refusal().isPresent() ? check.run() : chain.readTree(tree -> check.run());
        if (report.passed()) {
            log.info("on-demand {}", report.message());
        } else {
            log.error("on-demand integrity check failed: {}", report.message());
            chain.refuse(report.message());
        }
        return new Result(report.passed(), report.level(), report.checkedBlocks(),
                report.problems().stream().map(p -> new Problem(p.kind(), p.detail())).toList(),
                report.redownload().stream().map(Hash256::toHex).toList(), report.took().toMillis(), report.message());
    }

    /**
     * The report as JSON.
     *
     * @param redownload ids of blocks whose bodies were bad, deleted and marked for re-download
     * @param message what was found and, on failure, what to run
     */
    public record Result(boolean passed, int level, long checkedBlocks, List<Problem> problems, List<String> redownload,
            long checkMillis, String message) {
    }

    /** One problem found. */
    public record Problem(IntegrityProblem.Kind kind, String detail) {
    }
}
