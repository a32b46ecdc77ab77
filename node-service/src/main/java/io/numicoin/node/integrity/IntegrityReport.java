package io.numicoin.node.integrity;

import io.numicoin.protocol.hash.Hash256;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the startup check found.
 *
 * @param redownload blocks whose stored body was bad: deleted and set back to HEADER_ONLY
 * @param checkedBlocks how many of the newest active-chain blocks were checked
 */
public record IntegrityReport(int level, long checkedBlocks, List<IntegrityProblem> problems, List<Hash256> redownload,
        Duration took) {

    /** The command that repairs the state. */
    public static final String REINDEX_COMMAND = "java -jar node-service.jar --numi.command=reindex";

    public IntegrityReport {
        problems = List.copyOf(problems);
        redownload = List.copyOf(redownload);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** For the log and the readiness probe: what is wrong and what to run. */
    public String message() {
        if (passed()) {
            return "the stored chain passed its level " + level + " check of the last " + checkedBlocks + " blocks";
        }
        String found = problems.stream().map(IntegrityProblem::toString).collect(Collectors.joining("; "));
        String bodies = redownload.isEmpty() ? ""
                : " Corrupt bodies were deleted and their blocks marked for re-download: " + redownload + ".";
        return "The stored chain failed its startup check (level " + level + "): " + found + "." + bodies
                + " The node will not serve a wrong state: stop it and run `" + REINDEX_COMMAND + "` (rebuilds accounts, "
                + "rewards, undo data and indexes from the stored blocks), then start it again.";
    }
}
